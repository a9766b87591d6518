/**
 * The text of Totonoe's e-mail: Japanese, plain text, short lines, every link written out in full
 * so that it works in any mail client (many city mail systems show text only).
 */

export const MAIL_SETTINGS_PATH = '/settings/mail';

const SUBJECT_PREFIX = '【Totonoe】';
const RULE = '────────────────────────────';

export type MailMessage = { subject: string; text: string };

export type DigestEntry = { title: string; link: string | null; createdAt: Date };

const dayFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  month: 'numeric',
  day: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 11月24日 (Asia/Tokyo). */
export function japaneseDay(date: Date): string {
  return dayFormat.format(date).replace(/(\d+)\/(\d+)/u, '$1月$2日');
}

/** 11月24日 07:05 (Asia/Tokyo). */
export function japaneseTime(date: Date): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** A link in a mail: the full URL when the public origin is known, otherwise the path in the app. */
export function mailLink(publicOrigin: string | undefined, path: string): string {
  if (!publicOrigin) return `Totonoe の ${path}`;
  return new URL(path, publicOrigin).href;
}

/** Subjects are one line: line breaks inside a title would break the mail header. */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function footer(publicOrigin: string | undefined): string[] {
  return [
    RULE,
    'このメールは Totonoe（市政変革の業務システム）から送信専用のアドレスでお送りしています。',
    '返信されても対応できません。',
    'メールの受け取り方（すぐに受け取る／1日1回まとめて受け取る／受け取らない）は、',
    '次のページで変更できます。',
    mailLink(publicOrigin, MAIL_SETTINGS_PATH),
  ];
}

/** The mail for one notification or message, sent at once. */
export function composeImmediateMail(options: {
  recipientName: string;
  title: string;
  body: string | null;
  link: string | null;
  publicOrigin: string | undefined;
}): MailMessage {
  const lines = [`${options.recipientName} 様`, '', 'Totonoe からのお知らせです。', '', `■ ${options.title}`];
  if (options.body) lines.push('', options.body.trimEnd());
  if (options.link)
    lines.push('', '詳しくは、次のページをご覧ください。', mailLink(options.publicOrigin, options.link));
  lines.push('', ...footer(options.publicOrigin));
  return { subject: `${SUBJECT_PREFIX}${oneLine(options.title)}`, text: `${lines.join('\n')}\n` };
}

/** The daily digest: every notification since the last one, oldest first, numbered. */
export function composeDigestMail(options: {
  recipientName: string;
  entries: DigestEntry[];
  sentAt: Date;
  publicOrigin: string | undefined;
}): MailMessage {
  const count = options.entries.length;
  const lines = [
    `${options.recipientName} 様`,
    '',
    `Totonoe からのお知らせ ${count}件をまとめてお送りします。`,
    '（1日1回まとめて受け取る設定になっています）',
  ];
  options.entries.forEach((entry, index) => {
    lines.push('', `■ ${index + 1}. ${entry.title}`, `   ${japaneseTime(entry.createdAt)}`);
    if (entry.link) lines.push(`   ${mailLink(options.publicOrigin, entry.link)}`);
  });
  lines.push('', ...footer(options.publicOrigin));
  return {
    subject: `${SUBJECT_PREFIX}お知らせのまとめ（${japaneseDay(options.sentAt)}・${count}件）`,
    text: `${lines.join('\n')}\n`,
  };
}

/**
 * The latest daily digest time at or before `now`: today at `hour`:00 in Asia/Tokyo once that has
 * passed, otherwise yesterday's. Items queued before it go into the digest sent at it.
 */
export function latestDigestTime(now: Date, hour: number): Date {
  const tokyoOffsetMs = 9 * 3600 * 1000;
  const tokyo = new Date(now.getTime() + tokyoOffsetMs);
  const todayAt =
    Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate(), hour) - tokyoOffsetMs;
  return new Date(todayAt <= now.getTime() ? todayAt : todayAt - 24 * 3600 * 1000);
}
