import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  TOTONOE_DATA_DIR: z.string().default('./data'),
  TOTONOE_PUBLIC_ORIGIN: z.string().url().optional(),
  TOTONOE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  TOTONOE_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TOTONOE_TRUST_PROXY: booleanFromEnv.default(false),
  TOTONOE_DEMO: booleanFromEnv.optional(),
  TOTONOE_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  TOTONOE_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(1024).default(20),
  TOTONOE_LOCAL_LOGIN: booleanFromEnv.default(true),
  TOTONOE_OIDC_ISSUER: z.string().url().optional(),
  TOTONOE_OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  TOTONOE_OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  TOTONOE_OIDC_REDIRECT_URL: z.string().url().optional(),
  TOTONOE_OIDC_SCOPES: z.string().min(1).max(500).default('openid profile email'),
  TOTONOE_OIDC_CLAIM_LOGIN: z.string().min(1).max(200).default('preferred_username'),
  TOTONOE_OIDC_CLAIM_NAME: z.string().min(1).max(200).default('name'),
  TOTONOE_OIDC_CLAIM_NAME_KANA: z.string().min(1).max(200).optional(),
  TOTONOE_OIDC_CLAIM_EMAIL: z.string().min(1).max(200).default('email'),
  TOTONOE_OIDC_CLAIM_ORG_UNIT: z.string().min(1).max(200).default('org_unit'),
  TOTONOE_OIDC_CLAIM_ROLES: z.string().min(1).max(200).default('roles'),
  TOTONOE_OIDC_LINK_BY_LOGIN: booleanFromEnv.default(false),
  TOTONOE_SMTP_HOST: z.string().min(1).max(500).optional(),
  TOTONOE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  TOTONOE_SMTP_TLS: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  TOTONOE_SMTP_USER: z.string().min(1).max(500).optional(),
  TOTONOE_SMTP_PASSWORD: z.string().min(1).max(2000).optional(),
  TOTONOE_MAIL_FROM: z.string().min(3).max(500).optional(),
  TOTONOE_MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  TOTONOE_REMINDER_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
});

/** Single sign-on by OpenID Connect; null when no issuer is configured. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUrl: string;
  scopes: string;
  claims: {
    login: string;
    name: string;
    nameKana: string | undefined;
    email: string;
    orgUnit: string;
    roles: string;
  };
  /** Link a first SSO sign-in to a local account with the same login (migration from local accounts). */
  isLinkByLoginAllowed: boolean;
};

/** Outgoing mail by SMTP; null when no host is configured (mail then waits in the outbox). */
export type SmtpConfig = {
  host: string;
  port: number;
  tls: 'starttls' | 'tls' | 'none';
  user: string | undefined;
  password: string | undefined;
  from: string;
};

export type AppConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicOrigin: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  loadDemoWhenEmpty: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  uploadLimitBytes: number;
  isLocalLoginEnabled: boolean;
  oidc: OidcConfig | null;
  smtp: SmtpConfig | null;
  /** Hour of the day (Asia/Tokyo) at which daily digests go out. */
  mailDigestHour: number;
  /** Minutes between runs of the reminder job (due dates, waiting approvals); 0 turns it off. */
  reminderIntervalMinutes: number;
};

type ParsedEnv = z.infer<typeof envSchema>;

function oidcConfigOf(env: ParsedEnv): OidcConfig | null {
  if (!env.TOTONOE_OIDC_ISSUER) return null;
  if (!env.TOTONOE_OIDC_CLIENT_ID) {
    throw new Error(
      '設定が正しくありません / Invalid configuration:\n  TOTONOE_OIDC_CLIENT_ID: required with TOTONOE_OIDC_ISSUER',
    );
  }
  const redirectUrl =
    env.TOTONOE_OIDC_REDIRECT_URL ??
    (env.TOTONOE_PUBLIC_ORIGIN ? new URL('/api/v1/sso/callback', env.TOTONOE_PUBLIC_ORIGIN).href : undefined);
  if (!redirectUrl) {
    throw new Error(
      '設定が正しくありません / Invalid configuration:\n  TOTONOE_OIDC_REDIRECT_URL: required with TOTONOE_OIDC_ISSUER unless TOTONOE_PUBLIC_ORIGIN is set',
    );
  }
  return {
    issuer: env.TOTONOE_OIDC_ISSUER,
    clientId: env.TOTONOE_OIDC_CLIENT_ID,
    clientSecret: env.TOTONOE_OIDC_CLIENT_SECRET,
    redirectUrl,
    scopes: env.TOTONOE_OIDC_SCOPES,
    claims: {
      login: env.TOTONOE_OIDC_CLAIM_LOGIN,
      name: env.TOTONOE_OIDC_CLAIM_NAME,
      nameKana: env.TOTONOE_OIDC_CLAIM_NAME_KANA,
      email: env.TOTONOE_OIDC_CLAIM_EMAIL,
      orgUnit: env.TOTONOE_OIDC_CLAIM_ORG_UNIT,
      roles: env.TOTONOE_OIDC_CLAIM_ROLES,
    },
    isLinkByLoginAllowed: env.TOTONOE_OIDC_LINK_BY_LOGIN,
  };
}

function smtpConfigOf(env: ParsedEnv): SmtpConfig | null {
  if (!env.TOTONOE_SMTP_HOST) return null;
  if (!env.TOTONOE_MAIL_FROM) {
    throw new Error(
      '設定が正しくありません / Invalid configuration:\n  TOTONOE_MAIL_FROM: required with TOTONOE_SMTP_HOST',
    );
  }
  return {
    host: env.TOTONOE_SMTP_HOST,
    port: env.TOTONOE_SMTP_PORT,
    tls: env.TOTONOE_SMTP_TLS,
    user: env.TOTONOE_SMTP_USER,
    password: env.TOTONOE_SMTP_PASSWORD,
    from: env.TOTONOE_MAIL_FROM,
  };
}

/** Reads and validates the environment once at start-up; exits with a clear message when it is wrong. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`設定が正しくありません / Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.TOTONOE_DATA_DIR,
    publicOrigin: env.TOTONOE_PUBLIC_ORIGIN,
    sessionIdleMinutes: env.TOTONOE_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.TOTONOE_SESSION_ABSOLUTE_HOURS,
    trustProxy: env.TOTONOE_TRUST_PROXY,
    // The embedded database is the demo and trial setup: it gets demo data unless told otherwise.
    loadDemoWhenEmpty: env.TOTONOE_DEMO ?? env.DATABASE_URL === undefined,
    logLevel: env.TOTONOE_LOG_LEVEL,
    uploadLimitBytes: env.TOTONOE_UPLOAD_LIMIT_MB * 1024 * 1024,
    isLocalLoginEnabled: env.TOTONOE_LOCAL_LOGIN,
    oidc: oidcConfigOf(env),
    smtp: smtpConfigOf(env),
    mailDigestHour: env.TOTONOE_MAIL_DIGEST_HOUR,
    reminderIntervalMinutes: env.TOTONOE_REMINDER_INTERVAL_MINUTES,
  };
}
