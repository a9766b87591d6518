import { Button } from '@/components/ui/button';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePlatinumText } from '../messages';
import type { ResponseBureau } from '../types';
import { signableBureaus, signatureProgress } from '../utils/co-announce';

/**
 * 連名公表: the bureaus announcing a response together, each with a status in words (never colour
 * alone), and a sign button for each waiting bureau the reader heads.
 */
export function ResponseBureaus({
  bureaus,
  signableOrgUnitIds,
  isPending,
  onSign,
}: {
  bureaus: readonly ResponseBureau[];
  signableOrgUnitIds: readonly string[];
  isPending: boolean;
  onSign: (orgUnitId: string) => void;
}) {
  const text = usePlatinumText();
  const { language } = useLanguage();
  if (bureaus.length <= 1 && signableOrgUnitIds.length === 0) return null;
  const progress = signatureProgress(bureaus);
  return (
    <div className="flex flex-col gap-2">
      <h3 id="response-bureaus" className="text-std-17B-170">
        {text('coAnnounceTitle')}
      </h3>
      <p className="text-std-16N-170">{text('coAnnounceLead')}</p>
      <p className="text-std-16N-170" role="status">
        {text('coAnnounceProgress', { signed: progress.signedCount, total: progress.total })}
      </p>
      <ul aria-labelledby="response-bureaus" className="flex flex-col gap-1">
        {bureaus.map((bureau) => (
          <li key={bureau.id} className="flex flex-wrap items-center gap-2 text-std-16N-170">
            <span aria-hidden="true">{bureau.hasSigned ? '✓' : '…'}</span>
            <span className="font-bold">{bureau.name}</span>
            {bureau.isAssigned ? <span>（{text('coAnnounceAssigned')}）</span> : null}
            <span className="rounded-4 border border-solid-gray-600 px-2 text-dns-14N-130">
              {bureau.hasSigned && bureau.signedAt
                ? text('coAnnounceSigned', {
                    date: formatDate(bureau.signedAt, language, { weekday: false }),
                  })
                : text('coAnnounceWaiting')}
            </span>
          </li>
        ))}
      </ul>
      {signableBureaus(bureaus, signableOrgUnitIds).map((bureau) => (
        <div key={bureau.id}>
          <Button disabled={isPending} onClick={() => onSign(bureau.id)}>
            {text('coAnnounceSign', { name: bureau.name })}
          </Button>
        </div>
      ))}
    </div>
  );
}
