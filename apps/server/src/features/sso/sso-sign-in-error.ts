/** Why a single sign-on did not sign the person in; the sign-in page shows a message for each. */
export const SSO_FAILURE_REASONS = [
  'failed',
  'cancelled',
  'expired',
  'deactivated',
  'account_conflict',
  'unavailable',
] as const;

export type SsoFailureReason = (typeof SSO_FAILURE_REASONS)[number];

/** A single sign-on that ended without a session; the browser is sent back to the sign-in page. */
export class SsoSignInError extends Error {
  readonly reason: SsoFailureReason;

  constructor(reason: SsoFailureReason, options: { cause?: unknown } = {}) {
    super(`single sign-on failed: ${reason}`, options);
    this.reason = reason;
  }
}
