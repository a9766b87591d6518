import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import {
  addAgendaItem,
  removeAgendaItem,
  reorderAgenda,
  useAgendaMutation,
  useAgendaProposals,
} from '../api/agenda';
import { useOrgUnitOptions } from '../api/get-org-unit-options';
import { useMeetingText } from '../messages';
import type { AgendaItem, AgendaItemKind, MeetingDetail } from '../types';
import { moveInOrder } from '../utils/agenda-order';
import { FormError } from './form-error';

const KINDS: AgendaItemKind[] = [
  'analysis_report',
  'bureau_policy',
  'platinum',
  'instruction_review',
  'other',
];

/**
 * The office's agenda builder: items proposed as due, the agenda in order with up/down buttons
 * (keyboard operable; each move is announced), and a form for an item of its own.
 */
export function AgendaBuilder({ meeting }: { meeting: MeetingDetail }) {
  const mt = useMeetingText();
  const { language } = useLanguage();
  const proposals = useAgendaProposals(meeting.id);
  const add = useAgendaMutation(addAgendaItem);
  const reorder = useAgendaMutation(reorderAgenda);
  const remove = useAgendaMutation(removeAgendaItem);
  const [announcement, setAnnouncement] = useState('');
  const etag = `"${meeting.agendaVersion}"`;
  const ids = meeting.agenda.map((item) => item.id);

  function move(item: AgendaItem, direction: 'up' | 'down') {
    if (reorder.isPending) return;
    const next = moveInOrder(ids, item.id, direction);
    if (next.join() === ids.join()) return;
    reorder.mutate(
      { meetingId: meeting.id, itemIds: next, etag },
      {
        onSuccess: () => {
          setAnnouncement(mt('builder.moved', { title: item.title, position: next.indexOf(item.id) + 1 }));
          // Keep the keyboard on the same control of the moved item.
          requestAnimationFrame(() => document.getElementById(`move-${direction}-${item.id}`)?.focus());
        },
      },
    );
  }

  return (
    <div className="flex flex-col gap-10">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <section aria-labelledby="current-agenda-heading" className="flex flex-col gap-4">
        <h2 id="current-agenda-heading" className="text-std-24B-150">
          {mt('builder.current')}
        </h2>
        <FormError error={reorder.error ?? remove.error} />
        {meeting.agenda.length === 0 ? <p>{mt('meeting.agendaEmpty')}</p> : null}
        <ol className="flex flex-col gap-3">
          {meeting.agenda.map((item, index) => (
            <li
              key={item.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-8 border border-solid-gray-420 px-4 py-3"
            >
              <div className="flex flex-col">
                <span className="text-std-17B-170" lang="ja">
                  {item.number}. {item.title}
                </span>
                <span className="text-std-16N-170 text-solid-gray-700">
                  {item.kindLabel}
                  {item.presenter ? `　${mt('meeting.presenter', { name: item.presenter.name })}` : ''}
                </span>
                {item.materials.length > 0 ? (
                  <span className="text-std-16N-170 text-solid-gray-700">
                    {mt('builder.materialsOf', {
                      labels: item.materials.map((material) => material.label).join('・'),
                    })}
                  </span>
                ) : null}
              </div>
              <div className="flex flex-wrap gap-2">
                <Button
                  id={`move-up-${item.id}`}
                  variant="secondary"
                  size="xs"
                  aria-label={mt('builder.moveUpLabel', { title: item.title })}
                  aria-disabled={index === 0 || reorder.isPending || undefined}
                  onClick={() => move(item, 'up')}
                >
                  ↑ {mt('builder.moveUp')}
                </Button>
                <Button
                  id={`move-down-${item.id}`}
                  variant="secondary"
                  size="xs"
                  aria-label={mt('builder.moveDownLabel', { title: item.title })}
                  aria-disabled={index === meeting.agenda.length - 1 || reorder.isPending || undefined}
                  onClick={() => move(item, 'down')}
                >
                  ↓ {mt('builder.moveDown')}
                </Button>
                <Button
                  variant="danger"
                  size="xs"
                  aria-label={mt('builder.removeLabel', { title: item.title })}
                  aria-disabled={remove.isPending || undefined}
                  onClick={() => {
                    if (!remove.isPending) remove.mutate({ meetingId: meeting.id, itemId: item.id, etag });
                  }}
                >
                  {mt('builder.remove')}
                </Button>
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="proposals-heading" className="flex flex-col gap-4">
        <h2 id="proposals-heading" className="text-std-24B-150">
          {mt('builder.proposals')}
        </h2>
        <FormError error={add.error} />
        {proposals.isPending ? <Loading /> : null}
        {proposals.isError ? (
          <QueryError error={proposals.error} onRetry={() => void proposals.refetch()} />
        ) : null}
        {proposals.data && proposals.data.items.length === 0 ? <p>{mt('builder.noProposals')}</p> : null}
        <ul className="flex flex-col gap-3">
          {proposals.data?.items.map((proposal) => (
            <li
              key={`${proposal.kind}:${proposal.links.map((link) => link.id).join(',')}`}
              className="flex flex-wrap items-center justify-between gap-3 rounded-8 border border-dashed border-solid-gray-600 px-4 py-3"
            >
              <div className="flex flex-col">
                <span className="text-std-17B-170" lang="ja">
                  {proposal.title}
                </span>
                <span className="text-std-16N-170 text-solid-gray-700">
                  {mt(`kind.${proposal.kind}`)}
                  {proposal.presenterName
                    ? `　${mt('meeting.presenter', { name: proposal.presenterName })}`
                    : ''}
                </span>
                <span className="text-std-16N-170 text-solid-gray-700">{proposal.reason[language]}</span>
              </div>
              <Button
                size="sm"
                aria-disabled={add.isPending || undefined}
                onClick={() => {
                  if (add.isPending) return;
                  add.mutate(
                    {
                      meetingId: meeting.id,
                      item: {
                        kind: proposal.kind,
                        title: proposal.title,
                        presenterOrgUnitId: proposal.presenterOrgUnitId,
                        links: proposal.links,
                      },
                    },
                    { onSuccess: () => setAnnouncement(mt('builder.added', { title: proposal.title })) },
                  );
                }}
              >
                {mt('builder.addProposal')}
                <span className="sr-only">（{proposal.title}）</span>
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <ManualItemForm
        meetingId={meeting.id}
        onAdded={(title) => setAnnouncement(mt('builder.added', { title }))}
      />
    </div>
  );
}

function ManualItemForm({ meetingId, onAdded }: { meetingId: string; onAdded: (title: string) => void }) {
  const t = useT();
  const mt = useMeetingText();
  const orgUnits = useOrgUnitOptions();
  const add = useAgendaMutation(addAgendaItem);
  const [kind, setKind] = useState<AgendaItemKind>('other');
  const [title, setTitle] = useState('');
  const [presenterId, setPresenterId] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsMissing(!title.trim());
    if (!title.trim() || add.isPending) return;
    const itemTitle = title.trim();
    add.mutate(
      { meetingId, item: { kind, title: itemTitle, presenterOrgUnitId: presenterId || null } },
      {
        onSuccess: () => {
          setTitle('');
          onAdded(itemTitle);
        },
      },
    );
  }
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-labelledby="manual-item-heading"
    >
      <h2 id="manual-item-heading" className="text-std-24B-150">
        {mt('builder.manual')}
      </h2>
      <SelectField
        label={mt('builder.kind')}
        value={kind}
        onChange={(event) => setKind(event.target.value as AgendaItemKind)}
        options={KINDS.map((value) => ({ value, label: mt(`kind.${value}`) }))}
      />
      <TextField
        label={mt('builder.itemTitle')}
        required
        lang="ja"
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={isMissing ? mt('builder.titleRequired') : undefined}
      />
      <SelectField
        label={mt('builder.presenter')}
        value={presenterId}
        onChange={(event) => setPresenterId(event.target.value)}
        options={[
          { value: '', label: mt('builder.noPresenter') },
          ...(orgUnits.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name, lang: 'ja' })),
        ]}
      />
      <FormError error={add.error} />
      <div>
        <Button type="submit" variant="secondary" aria-disabled={add.isPending || undefined}>
          {add.isPending ? t('common.saving') : mt('builder.addManual')}
        </Button>
      </div>
    </form>
  );
}
