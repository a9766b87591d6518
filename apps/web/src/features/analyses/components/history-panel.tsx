import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useAnalysisText } from '../messages';
import type { AnalysisDetail } from '../types';
import { meetingLabel, Part, TextBlock } from './parts';

/** 段階の経過: every stage move with its meeting, date, kind of direction and the version reported. */
export function HistoryPanel({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const { language } = useLanguage();
  return (
    <Part id="analysis-history" title={text('historyHeading')}>
      {analysis.transitions.length === 0 ? (
        <p>{text('noHistory')}</p>
      ) : (
        <ol className="flex flex-col gap-3 border-l-4 border-blue-200 pl-4">
          {analysis.transitions.map((move) => (
            <li key={move.id} className="flex flex-col gap-1">
              <p className="text-std-17B-170">
                {text('transitionLine', {
                  from: text(`stage.${move.fromStage}`),
                  to: text(`stage.${move.toStage}`),
                })}
                {move.directionKind ? `（${text(`direction.${move.directionKind}`)}）` : ''}
              </p>
              <p className="text-std-16N-170 text-solid-gray-700">
                {[
                  move.meeting ? meetingLabel(move.meeting) : null,
                  move.reportedOn ? formatDate(move.reportedOn, language) : null,
                  move.versionNumber ? text('versionReported', { number: move.versionNumber }) : null,
                  move.actor ? text('byPerson', { name: move.actor.displayName }) : null,
                ]
                  .filter(Boolean)
                  .join(' ・ ')}
              </p>
              {move.note ? <TextBlock>{move.note}</TextBlock> : null}
            </li>
          ))}
        </ol>
      )}
    </Part>
  );
}
