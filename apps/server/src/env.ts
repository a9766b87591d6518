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
});

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
};

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
  };
}
