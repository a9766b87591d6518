import type { AccessEntry } from '../../test/access-entry.ts';

/** Who may call the mail routes: every signed-in person, for their own settings only. */
export const mailAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/me/mail-settings', allow: 'signed_in' },
  {
    method: 'PUT',
    path: '/api/v1/me/mail-settings',
    allow: 'signed_in',
    note: 'the path names no person: each caller changes their own setting',
    request: async (fixtures, actor) => ({
      path: '/api/v1/me/mail-settings',
      body: { delivery: 'immediate' },
      headers: {
        'if-match':
          actor.isSignedIn && actor.login
            ? await fixtures.etag(actor.login, '/api/v1/me/mail-settings')
            : '"0"',
      },
    }),
  },
];
