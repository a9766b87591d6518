import { Link } from '@tanstack/react-router';
import { Badge } from '@/components/ui/badge';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { type LinkedNeed, useLinkedNeeds } from '../api/linked-needs';
import { useAnalysisText } from '../messages';

const EXCERPT_LENGTH = 140;

function excerpt(text: string): string {
  const characters = [...text];
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH).join('')}…` : text;
}

/**
 * 受け手・担い手のニーズ・課題 linked to the analysis or its cluster: the department chooses which
 * the report cites (ニーズ・課題 section); everyone who reads the report sees them, cited ones marked.
 */
export function NeedCitations({
  analysisId,
  clusterId,
  needIds,
  onChange,
  isReadOnly,
  idPrefix,
}: {
  analysisId: string;
  clusterId: string;
  needIds: readonly string[];
  onChange: (needIds: string[]) => void;
  isReadOnly: boolean;
  idPrefix: string;
}) {
  const text = useAnalysisText();
  const { language } = useLanguage();
  const needs = useLinkedNeeds(analysisId, clusterId);
  const legendId = `${idPrefix}-needs-legend`;
  const hintId = `${idPrefix}-needs-hint`;

  const label = (need: LinkedNeed) => (
    <span className="flex flex-col gap-1">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">{need.sideLabel[language]}</Badge>
        <span className="text-std-16N-170 text-solid-gray-700">
          {need.receivedOn}・{need.channelLabel[language]}・<span lang="ja">{need.orgUnit.name}</span>
        </span>
        {needIds.includes(need.id) ? <Badge tone="info">{text('needCited')}</Badge> : null}
      </span>
      <span lang="ja" className="whitespace-pre-wrap text-std-16N-170 text-solid-gray-900">
        {excerpt(need.body)}
      </span>
    </span>
  );

  const body = () => {
    if (needs.isPending) return <Loading />;
    if (needs.isError) return <QueryError error={needs.error} onRetry={() => void needs.refetch()} />;
    const shown = needs.data;
    const unseen = needIds.filter((id) => !shown.some((need) => need.id === id));
    return (
      <>
        {shown.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">
            {text('noLinkedNeeds')}{' '}
            <Link to={paths.needs.path} className="link">
              {text('needsLink')}
            </Link>
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {shown.map((need) => (
              <li key={need.id} className="flex flex-col gap-1 border-b border-solid-gray-200 pb-3">
                {isReadOnly ? (
                  label(need)
                ) : (
                  <div className="flex items-start gap-3">
                    <input
                      id={`${idPrefix}-need-${need.id}`}
                      type="checkbox"
                      checked={needIds.includes(need.id)}
                      onChange={(event) =>
                        onChange(
                          event.target.checked
                            ? [...needIds, need.id]
                            : needIds.filter((cited) => cited !== need.id),
                        )
                      }
                      className="mt-1 size-6 shrink-0 accent-blue-900"
                    />
                    <label htmlFor={`${idPrefix}-need-${need.id}`}>{label(need)}</label>
                  </div>
                )}
                <p className={isReadOnly ? '' : 'ml-9'}>
                  <Link to={paths.need.path} params={{ needId: need.id }} className="link">
                    {text('openNeed')}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        {unseen.length > 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">
            {text('citedElsewhere', { count: unseen.length })}
          </p>
        ) : null}
      </>
    );
  };

  return (
    <fieldset aria-labelledby={legendId} aria-describedby={hintId} className="flex flex-col gap-3">
      <legend id={legendId} className="text-std-17B-170 text-solid-gray-800">
        {isReadOnly ? text('linkedNeedsHeading') : text('citeNeedsHeading')}
      </legend>
      <p id={hintId} className="text-std-16N-170 text-solid-gray-600">
        {isReadOnly ? text('linkedNeedsHint') : text('citeNeedsHint')}
      </p>
      {body()}
    </fieldset>
  );
}
