import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useCreateAnalysis, useOrgUnits, useRegister, useYearMeetings } from '../api/analyses';
import { useAnalysisText } from '../messages';
import { REPORTING_STAGES, type ReportingStage } from '../types';
import { meetingLabel } from './parts';

/** Puts a cluster on the year's plan: lead department, the reform office's contact, due meetings. */
export function AddAnalysisDialog({
  open,
  onClose,
  fiscalYear,
  contactUserId,
}: {
  open: boolean;
  onClose: () => void;
  fiscalYear: number;
  contactUserId: string | null;
}) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const register = useRegister(open ? fiscalYear : undefined);
  const orgUnits = useOrgUnits();
  const meetings = useYearMeetings(open ? fiscalYear : undefined);
  const create = useCreateAnalysis();
  const fieldErrors = useFieldErrors(create.error);
  const [clusterId, setClusterId] = useState('');
  const [leadOrgUnitId, setLeadOrgUnitId] = useState('');
  const [isContact, setIsContact] = useState(true);
  const [due, setDue] = useState<Partial<Record<ReportingStage, string>>>({});

  const candidates = (register.data?.items ?? []).filter((item) => !item.isAnalysisTarget);
  const meetingOptions = [
    { value: '', label: text('none') },
    ...[...(meetings.data?.items ?? [])]
      .sort((a, b) => a.sequence - b.sequence)
      .map((meeting) => ({ value: meeting.id, label: meetingLabel(meeting) })),
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!clusterId) return;
    create.mutate(
      {
        clusterId,
        fiscalYear,
        leadOrgUnitId: leadOrgUnitId || null,
        contactUserId: isContact ? contactUserId : null,
        dueMeetings: Object.fromEntries(Object.entries(due).filter(([, value]) => value)),
      },
      {
        onSuccess: () => {
          setClusterId('');
          setDue({});
          onClose();
        },
      },
    );
  };

  return (
    <Dialog open={open} onClose={onClose} title={text('addToPlanTitle')} size="lg">
      <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
        {create.isError ? (
          <Alert tone="error" announce="assertive">
            {errorText(create.error)}
          </Alert>
        ) : null}
        <SelectField
          label={text('cluster')}
          required
          value={clusterId}
          error={fieldErrors.clusterId}
          onChange={(event) => setClusterId(event.target.value)}
          options={[
            { value: '', label: '—' },
            ...candidates.map((item) => ({ value: item.id, label: `${item.number}. ${item.name}` })),
          ]}
        />
        <SelectField
          label={text('leadOrgUnit')}
          value={leadOrgUnitId}
          error={fieldErrors.leadOrgUnitId}
          onChange={(event) => setLeadOrgUnitId(event.target.value)}
          options={[
            { value: '', label: text('none') },
            ...(orgUnits.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
        />
        {contactUserId ? (
          <CheckboxField
            label={text('contact')}
            checked={isContact}
            onChange={(event) => setIsContact(event.target.checked)}
          />
        ) : null}
        {REPORTING_STAGES.map((stage) => (
          <SelectField
            key={stage}
            label={text('dueAt', { stage: text(`stage.${stage}`) })}
            value={due[stage] ?? ''}
            error={fieldErrors[`dueMeetings.${stage}`]}
            onChange={(event) => setDue({ ...due, [stage]: event.target.value })}
            options={meetingOptions}
          />
        ))}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" aria-disabled={create.isPending || !clusterId || undefined}>
            {create.isPending ? text('creating') : text('create')}
          </Button>
          <Button variant="tertiary" onClick={onClose}>
            {text('cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
