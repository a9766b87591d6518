import { Link } from '@tanstack/react-router';
import { Button, buttonClassName } from '@/components/ui/button';
import { usePrintScope } from '../hooks/use-print-scope';
import { useMeetingText } from '../messages';
import type { MeetingDetail } from '../types';
import { japaneseFiscalYearLabel } from '../utils/fiscal-year-label';
import { MeetingWhen } from './meeting-when';

/**
 * The printable 次第 (agenda) in the city's usual form: title, date and place, the numbered items
 * with their 資料 numbers, and the list of materials handed out. Printed on A4.
 */
export function AgendaPrint({ meeting }: { meeting: MeetingDetail }) {
  const mt = useMeetingText();
  usePrintScope();
  const materials = meeting.agenda.flatMap((item) => item.materials);
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-8 font-serif" lang="ja">
      <div className="flex flex-wrap gap-3" data-print-hide>
        <Button onClick={() => window.print()}>{mt('print.printButton')}</Button>
        <Link
          to="/meetings/$meetingId"
          params={{ meetingId: meeting.id }}
          className={buttonClassName('tertiary')}
        >
          {mt('print.back')}
        </Link>
        <p className="w-full text-std-16N-170 text-solid-gray-700">{mt('print.hint')}</p>
      </div>
      <h1 tabIndex={-1} data-page-heading className="text-center text-std-28B-150">
        {japaneseFiscalYearLabel(meeting.fiscalYear)} {meeting.title}
        <br />次 第
      </h1>
      <dl className="ml-auto grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-std-16N-170">
        <dt>{mt('print.when')}：</dt>
        <dd>
          <MeetingWhen meeting={meeting} />
        </dd>
        <dt>{mt('print.place')}：</dt>
        <dd>{meeting.place ?? '—'}</dd>
      </dl>
      <section aria-labelledby="print-items" className="flex flex-col gap-4">
        <h2 id="print-items" className="sr-only">
          {mt('print.agenda')}
        </h2>
        <ol className="flex flex-col gap-4 text-std-18N-160">
          {meeting.agenda.map((item) => (
            <li key={item.id} className="print-avoid-break grid grid-cols-[2.5em_1fr_auto] gap-2">
              <span>{item.number}</span>
              <span>
                {item.title}
                {item.presenter ? (
                  <span className="block text-std-16N-170">（{item.presenter.name}）</span>
                ) : null}
              </span>
              <span className="whitespace-nowrap">
                {item.materials.map((material) => material.label).join('・')}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {materials.length > 0 ? (
        <section aria-labelledby="print-materials" className="flex flex-col gap-2 border-t border-black pt-4">
          <h2 id="print-materials" className="text-std-17B-170">
            （{mt('print.materialsList')}）
          </h2>
          <ul className="flex flex-col gap-1 text-std-16N-170">
            {materials.map((material) => (
              <li key={material.id} className="grid grid-cols-[4em_1fr] gap-2">
                <span>{material.label}</span>
                <span>{material.title}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
