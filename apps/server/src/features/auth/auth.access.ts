import type { AccessEntry } from '../../test/access-entry.ts';

/** Who may call the session routes (see the authorisation matrix in `security/`). */
export const authAccess: AccessEntry[] = [
  {
    method: 'POST',
    path: '/api/v1/session',
    allow: 'public',
    // Everyone may try to sign in; the body names an account that exists and is active.
    request: () => ({ path: '/api/v1/session', body: { login: 'staff2', password: 'totonoe-demo' } }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/session',
    allow: 'public',
    note: 'signing out without a session is a no-op',
  },
  { method: 'GET', path: '/api/v1/me', allow: 'signed_in' },
  {
    method: 'PUT',
    path: '/api/v1/me/password',
    allow: 'signed_in',
    // The same password again keeps the demo sign-ins working for the rest of the run.
    request: () => ({
      path: '/api/v1/me/password',
      body: { currentPassword: 'totonoe-demo', newPassword: 'totonoe-demo' },
    }),
  },
];
