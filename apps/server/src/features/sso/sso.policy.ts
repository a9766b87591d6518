import type { AppConfig } from '../../env.ts';

/** Which ways of signing in are open: local passwords unless turned off, the provider when configured. */
export const ssoPolicy = {
  canSignInWithPassword: (config: AppConfig) => config.isLocalLoginEnabled,
  canSignInWithProvider: (config: AppConfig) => config.oidc !== null,
};
