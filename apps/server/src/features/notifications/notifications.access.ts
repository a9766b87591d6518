import type { AccessEntry, MatrixFixtures } from '../../test/access-entry.ts';

/** A notification of staff1's, made for the matrix. */
function staff1Notification(fixtures: MatrixFixtures): Promise<string> {
  return fixtures.once('notifications:staff1', async () => {
    const rows = await fixtures.query<{ id: string }>(
      "insert into notifications (recipient_id, kind, title_ja, title_en, link) values ($1, 'matrix.check', '確認', 'Check', null) returning id",
      [fixtures.userId('staff1')],
    );
    return rows[0]!.id;
  });
}

/** Everyone reads and marks their own notifications; another person's is not found. */
export const notificationAccess: AccessEntry[] = [
  { method: 'GET', path: '/api/v1/notifications', allow: 'signed_in' },
  { method: 'POST', path: '/api/v1/notifications/read-all', allow: 'signed_in' },
  {
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    allow: (actor) => actor.name === 'staff1',
    note: 'only the recipient; for anyone else the notification does not exist',
    request: async (fixtures) => ({
      path: `/api/v1/notifications/${await staff1Notification(fixtures)}/read`,
    }),
  },
];
