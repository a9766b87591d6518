import { Link } from '@tanstack/react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n/i18n-provider';

export type PendingStream = 'meetings' | 'policies' | 'initiatives' | 'platinum' | 'needs';

/** The honest placeholder of a stream whose screens are not built yet (see app/router.tsx). */
export function ComingSoonRoute({ stream }: { stream: PendingStream }) {
  const t = useT();
  const title = t(`nav.${stream}`);
  useDocumentTitle(title);
  return (
    <>
      <PageHeading lead={t(`streams.${stream}.description`)}>{title}</PageHeading>
      <div className="flex max-w-3xl flex-col gap-4 rounded-8 border border-solid-gray-420 px-6 py-6">
        <p className="text-std-20B-150 text-solid-gray-900">{t('comingSoon.title')}</p>
        <p className="text-std-16N-170">{t('comingSoon.body')}</p>
        <p>
          <Link to={paths.home.path} className="link text-std-16N-170">
            {t('common.backToHome')}
          </Link>
        </p>
      </div>
    </>
  );
}
