import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A single sign-on started in one browser and not yet finished: the PKCE verifier, state and
 * nonce it must come back with. The id is the SHA-256 of a token held in that browser's cookie,
 * so the answer is only accepted in the browser that asked; a row is used once and lives ten minutes.
 */
export const ssoSignInAttempts = pgTable(
  'sso_sign_in_attempts',
  {
    id: text('id').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** A path inside the app to return to after sign-in. */
    redirectPath: text('redirect_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_sign_in_attempts_expires_idx').on(t.expiresAt)],
);
