import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/lib/errors';
import { useAnalysisWrite, useYearMeetings } from '../api/analyses';
import { useAnalysisText } from '../messages';
import {
  type AnalysisDetail,
  DIRECTION_KINDS,
  type DirectionKind,
  REPORTING_STAGES,
  type Stage,
} from '../types';
import { meetingLabel, Part } from './parts';

/** 段階を進める: the moves the server says will work now, with the X meeting a report was made at. */
export function StageMovePanel({ analysis }: { analysis: AnalysisDetail }) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const moves = analysis.permissions.stageMoves;
  const meetings = useYearMeetings(moves.length > 0 ? analysis.fiscalYear : undefined);
  const write = useAnalysisWrite(analysis.id);
  const [to, setTo] = useState<Stage | ''>('');
  const [meetingId, setMeetingId] = useState('');
  const [reportedOn, setReportedOn] = useState('');
  const [directionKind, setDirectionKind] = useState<DirectionKind>('budget');
  const [note, setNote] = useState('');
  const [moved, setMoved] = useState<Stage | null>(null);
  if (moves.length === 0) {
    return moved ? (
      <Alert tone="success" announce="polite">
        {text('moved', { stage: text(`stage.${moved}`) })}
      </Alert>
    ) : null;
  }
  const target = (to || moves[0]) as Stage;
  const isReport = (REPORTING_STAGES as readonly string[]).includes(target);
  const dueMeeting = analysis.dueMeetings.find((due) => due.stage === target)?.meeting.id ?? '';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const meeting = meetingId || dueMeeting;
    write.mutate(
      {
        method: 'POST',
        path: '/transitions',
        version: analysis.version,
        body: {
          to: target,
          meetingId: meeting || null,
          reportedOn: reportedOn || null,
          directionKind: target === 'direction_reported' ? directionKind : null,
          note,
        },
      },
      {
        onSuccess: () => {
          setMoved(target);
          setTo('');
          setMeetingId('');
          setNote('');
        },
      },
    );
  };

  return (
    <Part id="analysis-stage-move" title={text('stageMoveHeading')}>
      {moved ? (
        <Alert tone="success" announce="polite">
          {text('moved', { stage: text(`stage.${moved}`) })}
        </Alert>
      ) : null}
      {write.isError ? (
        <Alert tone="error" announce="assertive">
          {errorText(write.error)}
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} className="grid max-w-4xl gap-4 md:grid-cols-2">
        <SelectField
          label={text('moveTo')}
          value={target}
          onChange={(event) => setTo(event.target.value as Stage)}
          options={moves.map((stage) => ({ value: stage, label: text(`stage.${stage}`) }))}
        />
        <SelectField
          label={text('meeting')}
          required={isReport}
          value={meetingId || dueMeeting}
          onChange={(event) => setMeetingId(event.target.value)}
          options={[
            { value: '', label: text('meetingNone') },
            ...[...(meetings.data?.items ?? [])]
              .sort((a, b) => a.sequence - b.sequence)
              .map((meeting) => ({ value: meeting.id, label: meetingLabel(meeting) })),
          ]}
        />
        {target === 'direction_reported' ? (
          <SelectField
            label={text('directionKind')}
            value={directionKind}
            onChange={(event) => setDirectionKind(event.target.value as DirectionKind)}
            options={DIRECTION_KINDS.map((kind) => ({ value: kind, label: text(`direction.${kind}`) }))}
          />
        ) : null}
        <TextField
          label={text('reportedOn')}
          hint={text('reportedOnHint')}
          type="date"
          value={reportedOn}
          onChange={(event) => setReportedOn(event.target.value)}
        />
        <TextField
          label={text('note')}
          value={note}
          maxLength={5000}
          onChange={(event) => setNote(event.target.value)}
          fieldClassName="md:col-span-2"
        />
        <div className="md:col-span-2">
          <Button type="submit" aria-disabled={write.isPending || undefined}>
            {text('move')}
          </Button>
        </div>
      </form>
    </Part>
  );
}
