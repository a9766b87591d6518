import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useMeetingText } from '../messages';
import type { AgendaItem, OrgUnitOption } from '../types';
import { DueMark } from './due-mark';
import { MaterialList } from './material-list';
import { MaterialUploadForm } from './material-upload-form';
import { DecisionForm, InstructionForm } from './record-forms';

type AgendaItemSectionProps = {
  meetingId: string;
  item: AgendaItem;
  canManage: boolean;
  orgUnits: OrgUnitOption[];
};

/** One agenda item: what it reports, its 資料, decisions and instructions, with the office's forms. */
export function AgendaItemSection({ meetingId, item, canManage, orgUnits }: AgendaItemSectionProps) {
  const mt = useMeetingText();
  const { language } = useLanguage();
  const headingId = `agenda-item-${item.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="print-avoid-break flex flex-col gap-5 border-t border-solid-gray-420 pt-6"
    >
      <div className="flex flex-col gap-1">
        <h3 id={headingId} className="text-std-20B-150 text-solid-gray-900" lang="ja">
          {item.number}. {item.title}
        </h3>
        <p className="text-std-16N-170 text-solid-gray-700">
          {item.kindLabel}
          {item.presenter ? `　${mt('meeting.presenter', { name: item.presenter.name })}` : ''}
        </p>
        {item.links.length > 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">
            {mt('meeting.reports')}：
            {item.links
              .map((link) =>
                link.analysisStageLabel ? `${link.label}（${link.analysisStageLabel}）` : link.label,
              )
              .join('、')}
          </p>
        ) : null}
        {item.note ? <p className="text-std-16N-170">{item.note}</p> : null}
      </div>

      <div className="flex flex-col gap-3">
        <h4 className="text-std-17B-170">{mt('meeting.materials')}</h4>
        <MaterialList
          meetingId={meetingId}
          materials={item.materials}
          canPublish={canManage}
          canEdit={item.canAddMaterial}
        />
        {item.canAddMaterial ? <MaterialUploadForm meetingId={meetingId} itemId={item.id} /> : null}
      </div>

      <div className="flex flex-col gap-3">
        <h4 className="text-std-17B-170">{mt('meeting.decisions')}</h4>
        {item.decisions.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{mt('meeting.noDecisions')}</p>
        ) : (
          <ul className="list-disc pl-6">
            {item.decisions.map((decision) => (
              <li key={decision.id} lang="ja">
                {decision.body}
              </li>
            ))}
          </ul>
        )}
        {canManage ? <DecisionForm meetingId={meetingId} agendaItemId={item.id} /> : null}
      </div>

      <div className="flex flex-col gap-3">
        <h4 className="text-std-17B-170">{mt('meeting.instructions')}</h4>
        {item.instructions.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{mt('meeting.noInstructions')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {item.instructions.map((action) => (
              <li key={action.id} className="rounded-8 border border-solid-gray-200 px-4 py-3">
                <p lang="ja">{action.body}</p>
                <p className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-1 text-std-16N-170 text-solid-gray-700">
                  <span>{mt('meeting.owner', { name: action.owner.name })}</span>
                  <span>
                    {mt('meeting.due', { date: formatDate(action.dueDate, language, { weekday: false }) })}
                  </span>
                  <span>{action.statusLabel}</span>
                  <DueMark state={action.dueState} />
                  {action.closedAtMeeting ? (
                    <span>{mt('meeting.closedAt', { meeting: action.closedAtMeeting.title })}</span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        {canManage ? (
          <InstructionForm
            meetingId={meetingId}
            agendaItemId={item.id}
            orgUnits={orgUnits}
            defaultOwnerId={item.presenter?.id ?? null}
          />
        ) : null}
      </div>
    </section>
  );
}
