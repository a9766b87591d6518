import { type FormEvent, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { TextField } from '@/components/ui/text-field';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { useErrorText } from '@/lib/errors';
import { useT } from '@/lib/i18n/i18n-provider';
import type { Me } from '@/types/api';
import { useCreateSession } from '../api/create-session';

type LoginFormProps = { onSuccess: (user: Me) => void };

/** ログインID and password; wrong credentials and lock-outs are shown with the server's message. */
export function LoginForm({ onSuccess }: LoginFormProps) {
  const t = useT();
  const errorText = useErrorText();
  const createSession = useCreateSession();
  const idPrefix = useId();
  const loginId = `${idPrefix}-login`;
  const passwordId = `${idPrefix}-password`;
  const summaryRef = useRef<HTMLDivElement>(null);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ login?: string; password?: string }>({});
  const [failedSubmits, setFailedSubmits] = useState(0);
  useFocusOnChange(summaryRef, failedSubmits);

  const serverMessage = createSession.isError ? errorText(createSession.error) : undefined;
  const summaryErrors: FieldError[] = [
    ...(fieldErrors.login ? [{ fieldId: loginId, message: fieldErrors.login }] : []),
    ...(fieldErrors.password ? [{ fieldId: passwordId, message: fieldErrors.password }] : []),
  ];
  // A rejected sign-in concerns both fields, so both point at the message.
  const serverMessageId = `${idPrefix}-server-error`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createSession.isPending) return;
    const errors = {
      login: login.trim() ? undefined : t('login.loginRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setFieldErrors(errors);
    if (errors.login || errors.password) {
      createSession.reset();
      setFailedSubmits((count) => count + 1);
      return;
    }
    createSession.mutate(
      { login: login.trim(), password },
      {
        onSuccess: ({ user }) => onSuccess(user),
        onError: () => {
          setPassword('');
          requestAnimationFrame(() => document.getElementById(passwordId)?.focus());
        },
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <ErrorSummary ref={summaryRef} errors={summaryErrors} />
      <div id={serverMessageId} role="alert">
        {serverMessage ? (
          <div className="rounded-8 border-2 border-error-2 bg-red-50 px-4 py-4 text-std-16N-170 text-solid-gray-900">
            {serverMessage}
          </div>
        ) : null}
      </div>
      <TextField
        id={loginId}
        label={t('login.loginId')}
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={login}
        onChange={(event) => setLogin(event.target.value)}
        error={fieldErrors.login}
        describedBy={serverMessage ? serverMessageId : undefined}
        invalid={Boolean(serverMessage)}
      />
      <TextField
        id={passwordId}
        label={t('login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldErrors.password}
        describedBy={serverMessage ? serverMessageId : undefined}
        invalid={Boolean(serverMessage)}
      />
      <div>
        <Button type="submit" aria-disabled={createSession.isPending || undefined}>
          {createSession.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </div>
    </form>
  );
}
