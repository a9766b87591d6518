import { Link, useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useOverview } from '../api/dashboard';
import { type DashboardTextKey, useDashboardText } from '../messages';
import type { Overview, OverviewBox } from '../types';
import { ProgressSubnav } from './progress-subnav';

const SCREENS: Record<OverviewBox['screen'], string> = {
  meetings: paths.meetings.path,
  policies: paths.policies.path,
  clusters: paths.clusters.path,
  initiatives: paths.initiatives.path,
  platinum: paths.platinum.path,
  needs: paths.needs.path,
  dashboard: paths.progress.path,
};

/** Where each box sits in the diagram (SVG user units over a 1000 × 560 canvas). */
const PLACES: Record<string, { x: number; y: number; w: number; h: number }> = {
  bearers: { x: 10, y: 10, w: 200, h: 400 },
  x_meeting: { x: 290, y: 10, w: 320, h: 130 },
  bureau_policy: { x: 660, y: 10, w: 330, h: 130 },
  analysis: { x: 290, y: 200, w: 290, h: 210 },
  voluntary: { x: 600, y: 200, w: 180, h: 210 },
  platinum: { x: 800, y: 200, w: 190, h: 210 },
  needs: { x: 10, y: 470, w: 980, h: 80 },
};

function arrow(from: string, to: string) {
  const a = PLACES[from];
  const b = PLACES[to];
  if (!a || !b) return null;
  const clamp = (x: number, box: typeof a) => Math.min(Math.max(x, box.x + 20), box.x + box.w - 20);
  if (b.y >= a.y + a.h) {
    const x = clamp(a.x + a.w / 2, b);
    return { x1: clamp(x, a), y1: a.y + a.h, x2: x, y2: b.y - 4 };
  }
  if (a.y >= b.y + b.h) {
    const x = clamp(a.x + a.w / 2, b);
    return { x1: clamp(x, a), y1: a.y, x2: x, y2: b.y + b.h + 4 };
  }
  if (b.x >= a.x + a.w) return { x1: a.x + a.w, y1: a.y + 40, x2: b.x - 4, y2: a.y + 40 };
  return { x1: a.x, y1: a.y + 40, x2: b.x + b.w + 4, y2: a.y + 40 };
}

function BoxFigures({ box, fiscalYear }: { box: OverviewBox; fiscalYear: number }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  return (
    <ul className="flex flex-wrap gap-x-4">
      {box.figures.map((figure) => (
        <li key={figure.label.ja}>
          {figure.label[language]}：
          {!figure.isAvailable ? (
            text('notYet')
          ) : figure.drill ? (
            <Link
              to={paths.progressRecords.path}
              search={{ fy: fiscalYear, metric: figure.drill.metric, key: figure.drill.key }}
              className="link font-bold"
            >
              {formatCount(figure.value, language)}
            </Link>
          ) : (
            <strong>{formatCount(figure.value, language)}</strong>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Slide 1 drawn from data: boxes with live counts, each a link to its screen, and the arrows between them. */
function OverviewDiagram({ overview }: { overview: Overview }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const titleId = useId();
  return (
    <svg viewBox="0 0 1000 560" aria-labelledby={titleId} className="w-full max-w-6xl">
      <title id={titleId}>{text('overview.diagram')}</title>
      <defs>
        <marker
          id="overview-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#0031d8" />
        </marker>
      </defs>
      {overview.boxes.map((box) => {
        const place = PLACES[box.id];
        if (!place) return null;
        const href = SCREENS[box.screen];
        const summary = box.figures
          .map((figure) => `${figure.label[language]} ${figure.isAvailable ? figure.value : text('notYet')}`)
          .join('　');
        return (
          <a
            key={box.id}
            href={href}
            onClick={(event) => {
              event.preventDefault();
              void navigate({ href });
            }}
          >
            <title>{`${text('overview.open', { title: box.title[language] })}：${summary}`}</title>
            <rect
              x={place.x}
              y={place.y}
              width={place.w}
              height={place.h}
              rx="8"
              fill={box.role === 'stream' ? '#f1f5fe' : '#ffffff'}
              stroke={box.role === 'driver' ? '#0031d8' : '#949494'}
              strokeWidth={box.role === 'driver' ? 3 : 1.5}
            />
            <foreignObject x={place.x} y={place.y} width={place.w} height={place.h}>
              <div className="flex h-full flex-col gap-1 overflow-hidden p-2 text-[13px] leading-snug text-solid-gray-900">
                <span className="text-[16px] font-bold text-blue-1000 underline">{box.title[language]}</span>
                <span className="text-solid-gray-700">{box.description[language]}</span>
                {box.parts.length ? (
                  <ul className="list-disc pl-4">
                    {box.parts.map((part) => (
                      <li key={part.ja}>{part[language]}</li>
                    ))}
                  </ul>
                ) : null}
                <span className="font-bold text-blue-1000">{summary}</span>
              </div>
            </foreignObject>
          </a>
        );
      })}
      {overview.relations.map((relation) => {
        const line = arrow(relation.from, relation.to);
        if (!line) return null;
        const isVertical = Math.abs(line.x2 - line.x1) < Math.abs(line.y2 - line.y1);
        const label = relation.label[language];
        // A label across a narrow gap goes on two short lines.
        const half = Math.ceil(label.length / 2);
        const labelLines =
          isVertical || language === 'en' ? [label] : [label.slice(0, half), label.slice(half)];
        return (
          <g key={`${relation.from}-${relation.to}`}>
            <line {...line} stroke="#0031d8" strokeWidth="2" markerEnd="url(#overview-arrow)" />
            <text
              x={(line.x1 + line.x2) / 2 + (isVertical ? 6 : 0)}
              y={(line.y1 + line.y2) / 2 + (isVertical ? 0 : 16)}
              fontSize="11"
              fill="#0031d8"
              textAnchor={isVertical ? 'start' : 'middle'}
            >
              {labelLines.map((part, index) => (
                <tspan
                  key={part}
                  x={(line.x1 + line.x2) / 2 + (isVertical ? 6 : 0)}
                  dy={index === 0 ? 0 : 13}
                >
                  {part}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The same whole picture as a structured list, for screen readers and keyboard users. */
function OverviewList({ overview }: { overview: Overview }) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const titles = new Map(overview.boxes.map((box) => [box.id, box.title[language]]));
  const roles: OverviewBox['role'][] = ['bearer', 'driver', 'input', 'stream'];
  return (
    <section aria-labelledby="overview-list" className="flex flex-col gap-6">
      <h2 id="overview-list" className="text-std-24B-150">
        {text('overview.list')}
      </h2>
      {roles.map((role) => (
        <section key={role} aria-labelledby={`overview-role-${role}`} className="flex flex-col gap-3">
          <h3 id={`overview-role-${role}`} className="text-std-20B-150">
            {text(`role.${role}` as DashboardTextKey)}
          </h3>
          <ul className="flex flex-col gap-3">
            {overview.boxes
              .filter((box) => box.role === role)
              .map((box) => (
                <li key={box.id} className="rounded-8 border border-solid-gray-420 p-3">
                  <h4 className="text-std-17B-170">
                    <Link to={SCREENS[box.screen] as never} className="link">
                      {box.title[language]}
                    </Link>
                  </h4>
                  <p className="text-solid-gray-700">{box.description[language]}</p>
                  {box.parts.length ? (
                    <ul className="list-disc pl-6">
                      {box.parts.map((part) => (
                        <li key={part.ja}>{part[language]}</li>
                      ))}
                    </ul>
                  ) : null}
                  <BoxFigures box={box} fiscalYear={overview.fiscalYear} />
                </li>
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="overview-relations" className="flex flex-col gap-2">
        <h3 id="overview-relations" className="text-std-20B-150">
          {text('overview.relations')}
        </h3>
        <ul className="list-disc pl-6">
          {overview.relations.map((relation) => (
            <li key={`${relation.from}-${relation.to}`}>
              {titles.get(relation.from)} → {titles.get(relation.to)}：{relation.label[language]}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

/** 全体像・相互関係: the programme's parts and how they relate, with live counts. */
export function OverviewPage({ fiscalYear }: { fiscalYear?: number | undefined }) {
  const text = useDashboardText();
  const overview = useOverview(fiscalYear);
  useDocumentTitle(text('overview.title'));
  return (
    <>
      <PageHeading lead={text('overview.lead')}>{text('overview.title')}</PageHeading>
      <ProgressSubnav fiscalYear={overview.data?.fiscalYear ?? fiscalYear} />
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {overview.data ? (
        <div className="flex flex-col gap-10">
          <OverviewDiagram overview={overview.data} />
          <OverviewList overview={overview.data} />
        </div>
      ) : null}
    </>
  );
}
