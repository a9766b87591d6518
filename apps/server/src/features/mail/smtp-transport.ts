import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../env.ts';

export type OutgoingMail = { to: string; subject: string; text: string };

/** Sends one mail; rejects with the SMTP error (its responseCode tells permanent from temporary). */
export type MailTransport = { send: (mail: OutgoingMail) => Promise<void>; close: () => void };

/** An SMTP transport from the environment's settings, with short timeouts so a dead server is noticed. */
export function createSmtpTransport(smtp: SmtpConfig): MailTransport {
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.tls === 'tls',
    requireTLS: smtp.tls === 'starttls',
    ignoreTLS: smtp.tls === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (mail) => {
      await transporter.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        textEncoding: 'base64',
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transporter.close(),
  };
}
