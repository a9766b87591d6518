import { useErrorText } from '@/lib/errors';
import { useT } from '@/lib/i18n/i18n-provider';
import { Alert } from './alert';
import { Button } from './button';

/** A failed load: the server's message and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <Alert tone="error" announce="assertive" title={t('error.loadFailed')}>
      <p>{errorText(error)}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
