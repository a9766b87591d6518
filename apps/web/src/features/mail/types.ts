export type MailDelivery = 'immediate' | 'daily_digest' | 'off';

export type MailSettings = {
  delivery: MailDelivery;
  email: string | null;
  isMailConfigured: boolean;
  digestHour: number;
  version: number;
};
