import { useLanguage } from '@/lib/i18n/i18n-provider';

/** The texts of the mail settings, Japanese first (kept beside the feature). */
const ja = {
  title: 'メール通知の設定',
  lead: 'お知らせ（担当の割り当て、期限、差し戻し、アイデアの状況、会議の公開、決裁の依頼など）をメールでどう受け取るかを選びます。画面上のお知らせは、この設定にかかわらず届きます。',
  legend: 'メールの受け取り方',
  immediate: 'すぐに受け取る',
  immediateHint: 'お知らせのたびに、1通ずつメールが届きます。',
  daily_digest: '1日1回まとめて受け取る',
  daily_digestHint: '毎日{hour}時ごろに、前日からのお知らせを1通にまとめて送ります。',
  off: 'メールでは受け取らない',
  offHint: 'お知らせは画面上でのみ確認します。',
  address: '送信先のアドレス',
  noAddress:
    'メールアドレスが登録されていないため、メールは届きません。システム管理者に登録を依頼してください。',
  notConfigured: 'この環境ではメールの送信が設定されていないため、メールは送られません。',
  save: '保存する',
  saving: '保存しています…',
  saved: '設定を保存しました。',
  headerLink: 'メール通知の設定',
};

const en: Record<keyof typeof ja, string> = {
  title: 'E-mail notifications',
  lead: 'Choose how notifications (assignments, due dates, returns, idea status, published meetings, approvals waiting for you…) reach you by e-mail. Notifications in the app arrive whatever you choose.',
  legend: 'How to receive e-mail',
  immediate: 'At once',
  immediateHint: 'One e-mail for each notification.',
  daily_digest: 'A daily digest',
  daily_digestHint: 'One e-mail at about {hour}:00 every day with the notifications since the last one.',
  off: 'No e-mail',
  offHint: 'You read notifications in the app only.',
  address: 'Sent to',
  noAddress:
    'No e-mail address is registered, so no e-mail can reach you. Ask the system administrator to add it.',
  notConfigured: 'This installation has no mail server configured, so no e-mail is sent.',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Your setting was saved.',
  headerLink: 'E-mail notifications',
};

export type MailTextKey = keyof typeof ja;

/** The texts of this feature in the current UI language, with `{name}` placeholders filled. */
export function useMailText(): (key: MailTextKey, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  const texts = language === 'en' ? en : ja;
  return (key, values) =>
    texts[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      values && name in values ? String(values[name]) : placeholder,
    );
}
