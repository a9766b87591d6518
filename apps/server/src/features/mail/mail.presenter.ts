import { z } from '@hono/zod-openapi';
import type { findMailSettings } from './mail.queries.ts';

export const MAIL_DELIVERIES = ['immediate', 'daily_digest', 'off'] as const;

export const mailSettingsSchema = z
  .object({
    delivery: z.enum(MAIL_DELIVERIES),
    /** The address mail goes to (kept in the user account; null = no mail can be sent). */
    email: z.string().nullable(),
    /** Whether this installation sends mail at all (an SMTP server is configured). */
    isMailConfigured: z.boolean(),
    /** Hour (Asia/Tokyo) at which the daily digest goes out. */
    digestHour: z.number().int(),
    version: z.number().int(),
  })
  .openapi('MailSettings');

type Settings = NonNullable<Awaited<ReturnType<typeof findMailSettings>>>;

/** Shapes a person's own mail settings. */
export function presentMailSettings(
  settings: Settings,
  options: { isMailConfigured: boolean; digestHour: number },
): z.infer<typeof mailSettingsSchema> {
  return {
    delivery: settings.delivery,
    email: settings.email,
    isMailConfigured: options.isMailConfigured,
    digestHour: options.digestHour,
    version: settings.version,
  };
}
