import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { TextField } from '@/components/ui/text-field';
import { useErrorText } from '@/lib/errors';
import { useOpenFiscalYear, useOpeningPreview } from '../api/clusters';
import { useAnalysisText } from '../messages';
import { Part } from './parts';

/** 次の年度を始める (reform office): each unfinished analysis is rolled over or closed with a reason. */
export function FiscalYearOpening({ nextYear }: { nextYear: number }) {
  const text = useAnalysisText();
  const errorText = useErrorText();
  const [isOpen, setIsOpen] = useState(false);
  const preview = useOpeningPreview(nextYear, isOpen);
  const open = useOpenFiscalYear();
  const [closing, setClosing] = useState<Record<string, string | null>>({});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const unfinished = preview.data?.unfinished ?? [];
    open.mutate({
      year: nextYear,
      decisions: unfinished.map((item) => {
        const reason = closing[item.analysisId];
        const isClosing = !item.canRollOver || (reason !== undefined && reason !== null);
        return isClosing
          ? { analysisId: item.analysisId, action: 'close' as const, reason: reason ?? '' }
          : { analysisId: item.analysisId, action: 'roll_over' as const };
      }),
    });
  };
  return (
    <Part id="plan-opening" title={text('openingHeading')} lead={text('openingLead')}>
      {!isOpen ? (
        <div>
          <Button variant="secondary" aria-expanded={false} onClick={() => setIsOpen(true)}>
            {text('openingButton', { year: nextYear })}
          </Button>
        </div>
      ) : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <QueryError error={preview.error} />
      ) : (
        <form onSubmit={onSubmit} className="flex max-w-4xl flex-col gap-4">
          {open.isSuccess ? (
            <Alert tone="success" announce="polite">
              {text('openingDone', {
                year: nextYear,
                rolled: open.data.rolledOver.length,
                closed: open.data.closed.length,
              })}
            </Alert>
          ) : null}
          {open.isError ? (
            <Alert tone="error" announce="assertive">
              {errorText(open.error)}
            </Alert>
          ) : null}
          {preview.data.isOpen && !open.isSuccess ? (
            <p>{text('openingAlready', { year: nextYear })}</p>
          ) : null}
          {preview.data.unfinished.length === 0 ? (
            <p>{text('openingNone')}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {preview.data.unfinished.map((item) => {
                const reason = closing[item.analysisId];
                const isClosing = (reason !== undefined && reason !== null) || !item.canRollOver;
                return (
                  <li
                    key={item.analysisId}
                    className="flex flex-col gap-2 rounded-8 border border-solid-gray-300 p-3"
                  >
                    <fieldset className="flex flex-wrap items-center gap-4">
                      <legend className="mb-1 text-std-17B-170">
                        {item.cluster.number}. {item.cluster.name}（{text(`stage.${item.stage}`)}）
                        {item.canRollOver ? '' : text('openingCannotRoll')}
                      </legend>
                      <label className="flex items-center gap-2">
                        <input
                          type="radio"
                          name={`opening-${item.analysisId}`}
                          checked={!isClosing}
                          disabled={!item.canRollOver}
                          onChange={() => setClosing({ ...closing, [item.analysisId]: null })}
                        />
                        {text('openingRollOver')}
                      </label>
                      <label className="flex items-center gap-2">
                        <input
                          type="radio"
                          name={`opening-${item.analysisId}`}
                          checked={isClosing}
                          onChange={() => setClosing({ ...closing, [item.analysisId]: reason ?? '' })}
                        />
                        {text('openingClose')}
                      </label>
                    </fieldset>
                    {isClosing ? (
                      <TextField
                        label={text('openingReason')}
                        required
                        value={reason ?? ''}
                        maxLength={1000}
                        onChange={(event) =>
                          setClosing({ ...closing, [item.analysisId]: event.target.value })
                        }
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <div>
            <Button type="submit" aria-disabled={open.isPending || open.isSuccess || undefined}>
              {text('openingButton', { year: nextYear })}
            </Button>
          </div>
        </form>
      )}
    </Part>
  );
}
