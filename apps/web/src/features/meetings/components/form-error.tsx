import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-client';
import { useErrorText } from '@/lib/errors';
import { useMeetingText } from '../messages';

/** A failed write, in words: the server's message, and for 412 what to do about it. */
export function FormError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  const mt = useMeetingText();
  if (!error) return null;
  return (
    <Alert tone="error" announce="assertive">
      <p>{errorText(error)}</p>
      {isApiError(error, 412) ? <p>{mt('error.stale')}</p> : null}
    </Alert>
  );
}
