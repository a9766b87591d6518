import { useId } from 'react';
import { usePolicyText } from '../messages';
import type { PolicyKpi, PolicyTheme } from '../types';
import {
  captionClass,
  cellClass,
  headRowClass,
  rowClass,
  Section,
  TableFrame,
  tableClass,
  thClass,
} from './shared';

type Content = {
  vision: string;
  priorityThemes: PolicyTheme[];
  clusters: { number: number; name: string }[];
  kpis: PolicyKpi[];
};

/** The text of a policy version: vision, priority themes, clusters and KPIs (signed-in and public pages alike). */
export function PolicyContent({ content, title }: { content: Content; title: string }) {
  const text = usePolicyText();
  const id = useId();
  return (
    <div className="flex flex-col gap-8" lang="ja">
      <Section title={text('vision')} id={`${id}-vision`}>
        <p className="max-w-4xl whitespace-pre-wrap text-std-16N-170">{content.vision || '—'}</p>
      </Section>
      <Section title={text('themes')} id={`${id}-themes`}>
        {content.priorityThemes.length === 0 ? (
          <p>{text('noThemes')}</p>
        ) : (
          <ol className="flex max-w-4xl list-decimal flex-col gap-3 pl-6">
            {content.priorityThemes.map((theme) => (
              <li key={theme.title}>
                <p className="text-std-17B-170">{theme.title}</p>
                {theme.description ? (
                  <p className="whitespace-pre-wrap text-std-16N-170">{theme.description}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Section title={text('clusters')} id={`${id}-clusters`}>
        {content.clusters.length === 0 ? (
          <p>{text('noClusters')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {content.clusters.map((cluster) => (
              <li
                key={cluster.number}
                className="rounded-4 border border-solid-gray-420 px-2 py-1 text-std-16N-170"
              >
                <span className="tabular-nums">{cluster.number}</span> {cluster.name}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={text('kpis')} id={`${id}-kpis`}>
        {content.kpis.length === 0 ? (
          <p>{text('noKpis')}</p>
        ) : (
          <TableFrame>
            <table className={tableClass}>
              <caption className={captionClass}>{`${title} ${text('kpis')}`}</caption>
              <thead>
                <tr className={headRowClass}>
                  <th scope="col" className={thClass}>
                    {text('kpi.name')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('kpi.baseline')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('kpi.target')}
                  </th>
                  <th scope="col" className={thClass}>
                    {text('kpi.targetYear')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {content.kpis.map((kpi) => (
                  <tr key={kpi.name} className={rowClass}>
                    <th scope="row" className={`${cellClass} font-normal`}>
                      {kpi.name}
                    </th>
                    <td className={`${cellClass} tabular-nums`}>
                      {kpi.baseline === null ? '—' : `${kpi.baseline}${kpi.unit}`}
                    </td>
                    <td className={`${cellClass} tabular-nums`}>
                      {kpi.target === null ? '—' : `${kpi.target}${kpi.unit}`}
                    </td>
                    <td className={`${cellClass} tabular-nums`}>
                      {kpi.targetFiscalYear ? `${kpi.targetFiscalYear}年度` : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </Section>
    </div>
  );
}
