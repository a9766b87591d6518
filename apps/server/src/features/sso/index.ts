export { SSO_FAILURE_REASONS, type SsoFailureReason } from './sso-sign-in-error.ts';
