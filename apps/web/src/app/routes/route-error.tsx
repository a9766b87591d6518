import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeading } from '@/components/ui/page-heading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText } from '@/lib/errors';
import { useT } from '@/lib/i18n/i18n-provider';

/** A page that could not be shown (the server or the network failed). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const t = useT();
  const router = useRouter();
  const errorText = useErrorText();
  useDocumentTitle(t('error.pageTitle'));
  return (
    <>
      <PageHeading>{t('error.pageTitle')}</PageHeading>
      <Alert tone="error" announce="assertive" className="max-w-3xl">
        <p>{errorText(error)}</p>
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {t('common.retry')}
        </Button>
      </Alert>
    </>
  );
}
