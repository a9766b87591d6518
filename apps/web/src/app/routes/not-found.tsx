import { Link } from '@tanstack/react-router';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n/i18n-provider';

/** 404: the address matches no page. */
export function NotFoundRoute() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <div className="flex max-w-3xl flex-col gap-4 text-std-16N-170">
        <p>{t('notFound.body')}</p>
        <ul className="list-disc pl-6">
          <li>
            <Link to={paths.home.path} className="link">
              {t('common.backToHome')}
            </Link>
          </li>
          <li>
            <Link to={paths.clusters.path} className="link">
              {t('nav.clusters')}
            </Link>
          </li>
        </ul>
      </div>
    </>
  );
}
