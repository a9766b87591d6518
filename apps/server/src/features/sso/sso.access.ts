import type { AccessEntry } from '../../test/access-entry.ts';

/** Who may call the single sign-on routes (see the authorisation matrix in `security/`). */
export const ssoAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/sign-in-methods', allow: 'public' },
  {
    method: 'GET',
    path: '/api/v1/sso/login',
    allow: () => false,
    note: 'the matrix app has no identity provider configured, so the route answers 404 to everyone; the flow itself is tested in sso.test.ts against a real provider',
  },
  {
    method: 'GET',
    path: '/api/v1/sso/callback',
    allow: () => false,
    note: 'as /sso/login: 404 without a configured provider',
    request: () => ({ path: '/api/v1/sso/callback?code=x&state=y' }),
  },
];
