import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, inputClassName } from '@/components/ui/form-field';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n/i18n-provider';
import { recordDecision, recordInstruction } from '../api/records';
import { useMeetingMutation } from '../api/use-meeting-mutation';
import { useMeetingText } from '../messages';
import type { OrgUnitOption } from '../types';
import { FormError } from './form-error';

/** Records a decision (決定事項) on an agenda item. */
export function DecisionForm({ meetingId, agendaItemId }: { meetingId: string; agendaItemId: string }) {
  const t = useT();
  const mt = useMeetingText();
  const record = useMeetingMutation(recordDecision);
  const [body, setBody] = useState('');
  const [isMissing, setIsMissing] = useState(false);
  const bodyId = useId();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsMissing(!body.trim());
    if (!body.trim() || record.isPending) return;
    record.mutate({ meetingId, agendaItemId, body: body.trim() }, { onSuccess: () => setBody('') });
  }
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3" data-print-hide>
      <FormField
        id={bodyId}
        label={mt('decision.add')}
        error={isMissing ? mt('decision.required') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            lang="ja"
            rows={2}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            className={inputClassName}
          />
        )}
      </FormField>
      <FormError error={record.error} />
      <div>
        <Button type="submit" variant="secondary" size="sm" aria-disabled={record.isPending || undefined}>
          {record.isPending ? t('common.saving') : mt('decision.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Records an instruction (指示事項) with its owner and due date; it becomes a tracked action. */
export function InstructionForm({
  meetingId,
  agendaItemId,
  orgUnits,
  defaultOwnerId,
}: {
  meetingId: string;
  agendaItemId: string;
  orgUnits: OrgUnitOption[];
  defaultOwnerId: string | null;
}) {
  const t = useT();
  const mt = useMeetingText();
  const record = useMeetingMutation(recordInstruction);
  const [body, setBody] = useState('');
  const [ownerId, setOwnerId] = useState(defaultOwnerId ?? '');
  const [dueDate, setDueDate] = useState('');
  const [isIncomplete, setIsIncomplete] = useState(false);
  const bodyId = useId();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const incomplete = !body.trim() || !ownerId || !/^\d{4}-\d{2}-\d{2}$/.test(dueDate);
    setIsIncomplete(incomplete);
    if (incomplete || record.isPending) return;
    record.mutate(
      { meetingId, agendaItemId, body: body.trim(), ownerOrgUnitId: ownerId, dueDate },
      {
        onSuccess: () => {
          setBody('');
          setDueDate('');
        },
      },
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3" data-print-hide>
      <FormField
        id={bodyId}
        label={mt('instruction.add')}
        error={isIncomplete ? mt('instruction.required') : undefined}
      >
        {(control) => (
          <textarea
            {...control}
            lang="ja"
            rows={2}
            maxLength={4000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            className={inputClassName}
          />
        )}
      </FormField>
      <div className="flex flex-wrap gap-4">
        <SelectField
          label={mt('instruction.owner')}
          required
          fieldClassName="min-w-64"
          value={ownerId}
          onChange={(event) => setOwnerId(event.target.value)}
          options={[
            { value: '', label: t('common.choose') },
            ...orgUnits.map((unit) => ({ value: unit.id, label: unit.name, lang: 'ja' })),
          ]}
        />
        <TextField
          label={mt('instruction.due')}
          required
          type="date"
          value={dueDate}
          onChange={(event) => setDueDate(event.target.value)}
        />
      </div>
      <FormError error={record.error} />
      <div>
        <Button type="submit" variant="secondary" size="sm" aria-disabled={record.isPending || undefined}>
          {record.isPending ? t('common.saving') : mt('instruction.submit')}
        </Button>
      </div>
    </form>
  );
}
