import { Alert } from '@/components/ui/alert';
import { buttonClassName } from '@/components/ui/button';
import { API_BASE } from '@/lib/api-client';
import { useSignInMethods } from '../api/get-sign-in-methods';
import { ssoErrorKey, useSsoText } from '../messages';

type SsoSignInProps = {
  /** Where to return after signing in (a path inside the app). */
  redirect: string | undefined;
  /** The reason the server gave when a single sign-on ended on this page. */
  ssoError: string | undefined;
};

/**
 * 「統合認証でログイン」: a link (a full page navigation) to the server, which sends the browser
 * to the city's identity provider. Shown only when the installation has single sign-on.
 */
export function SsoSignIn({ redirect, ssoError }: SsoSignInProps) {
  const text = useSsoText();
  const methods = useSignInMethods();
  const href = `${API_BASE}/sso/login${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`;
  if (!ssoError && !methods.data?.isSingleSignOnEnabled) return null;
  return (
    <div className="mb-6 flex flex-col gap-6">
      {ssoError ? (
        <Alert tone="error" announce="assertive" title={text('errorTitle')}>
          {text(ssoErrorKey(ssoError))}
        </Alert>
      ) : null}
      {methods.data?.isSingleSignOnEnabled ? (
        <section aria-labelledby="sso-sign-in-heading" className="flex flex-col gap-3">
          <h2 id="sso-sign-in-heading" className="sr-only">
            {text('button')}
          </h2>
          <p className="text-std-16N-170 text-solid-gray-800">{text('hint')}</p>
          <div>
            <a href={href} className={buttonClassName('primary', 'md')}>
              {text('button')}
            </a>
          </div>
          {methods.data.isLocalLoginEnabled ? (
            <p className="mt-4 border-t border-solid-gray-420 pt-6 text-std-16B-170 text-solid-gray-800">
              {text('orLocal')}
            </p>
          ) : (
            <p className="text-std-16N-170 text-solid-gray-800">{text('localDisabled')}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}

/** False only when the server says local passwords are turned off (while loading, the form shows). */
export function useIsLocalLoginEnabled(): boolean {
  const methods = useSignInMethods();
  return methods.data?.isLocalLoginEnabled ?? true;
}
