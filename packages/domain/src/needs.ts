import type { LocalizedText } from './messages';
import { foldWidth } from './text';

/**
 * 受け手・担い手のニーズ・課題: what the people who receive services (受け手: citizens, users,
 * businesses) and the people who deliver them (担い手: staff, designated managers, affiliated
 * bodies, contractors) say, in their own words, through the channel they used.
 */

export const NEED_SIDES = ['recipient', 'bearer'] as const;
export type NeedSide = (typeof NEED_SIDES)[number];

export const NEED_CHANNELS = [
  'complaint',
  'survey',
  'hearing',
  'suggestion_box',
  'council',
  'counter',
  'other',
] as const;
export type NeedChannel = (typeof NEED_CHANNELS)[number];

export const NEED_STATUSES = ['new', 'linked', 'answered', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** What a need can be linked to. */
export const NEED_LINK_KINDS = ['cluster', 'analysis', 'initiative'] as const;
export type NeedLinkKind = (typeof NEED_LINK_KINDS)[number];

export const NEED_SIDE_LABELS: Readonly<Record<NeedSide, LocalizedText>> = {
  recipient: { ja: '受け手', en: 'Recipient' },
  bearer: { ja: '担い手', en: 'Bearer' },
};

export const NEED_CHANNEL_LABELS: Readonly<Record<NeedChannel, LocalizedText>> = {
  complaint: { ja: '苦情', en: 'Complaint' },
  survey: { ja: 'アンケート', en: 'Survey' },
  hearing: { ja: 'ヒアリング', en: 'Hearing' },
  suggestion_box: { ja: '意見箱', en: 'Suggestion box' },
  council: { ja: '議会', en: 'Council' },
  counter: { ja: '窓口', en: 'Counter' },
  other: { ja: 'その他', en: 'Other' },
};

export const NEED_STATUS_LABELS: Readonly<Record<NeedStatus, LocalizedText>> = {
  new: { ja: '新規', en: 'New' },
  linked: { ja: '紐付け済み', en: 'Linked' },
  answered: { ja: '回答済み', en: 'Answered' },
  closed: { ja: '完了', en: 'Closed' },
};

function lookup<T extends string>(labels: Readonly<Record<T, LocalizedText>>, text: string): T | null {
  const folded = foldWidth(text).trim().toLowerCase();
  if (folded === '') return null;
  for (const [code, label] of Object.entries(labels) as [T, LocalizedText][]) {
    if (folded === code || folded === foldWidth(label.ja) || folded === label.en.toLowerCase()) return code;
  }
  return null;
}

/** Reads a side as people type it in a spreadsheet (受け手, 担い手, recipient, bearer), or null. */
export function parseNeedSide(text: string): NeedSide | null {
  return lookup(NEED_SIDE_LABELS, text);
}

/** Reads a channel as people type it (苦情, アンケート, 窓口, counter, …), or null. */
export function parseNeedChannel(text: string): NeedChannel | null {
  return lookup(NEED_CHANNEL_LABELS, text);
}

export const MASKED_PHONE = '〔電話番号〕';
export const MASKED_EMAIL = '〔メールアドレス〕';

// Characters are matched in both widths: people type ０９３ as often as 093.
const DIGIT = '[0-9０-９]';
const HYPHEN = '[\\-‐‑‒–—―−ー－]';
const EMAIL_LOCAL = '[A-Za-z0-9._%+\\-Ａ-Ｚａ-ｚ０-９．＿％＋－]+';
const EMAIL_DOMAIN = '[A-Za-z0-9\\-Ａ-Ｚａ-ｚ０-９－]+(?:[.．][A-Za-z0-9\\-Ａ-Ｚａ-ｚ０-９－]+)+';
const EMAIL_PATTERN = new RegExp(`${EMAIL_LOCAL}[@＠]${EMAIL_DOMAIN}`, 'gu');
// A number starts with 0, (0 or +81; digits are separated by at most a hyphen or a closing bracket
// (and a space after it), so a phone number followed by " 2024年" does not swallow the year.
const NUMBER_START = `(?:[+＋][8８][1１](?:${HYPHEN}|[ 　])?[(（]?|[(（]?[0０])`;
const SEPARATOR = `(?:${HYPHEN}|[)）][ 　]?${HYPHEN}?)?`;
const PHONE_PATTERN = new RegExp(`(?<!${DIGIT})${NUMBER_START}(?:${SEPARATOR}${DIGIT})+(?!${DIGIT})`, 'gu');

function digitCount(text: string): number {
  return (foldWidth(text).match(/\d/g) ?? []).length;
}

// Masks telephone numbers and e-mail addresses in a text meant for the public; everything else is kept as written.
export function maskPersonalData(text: string): string {
  const withoutEmail = text.replace(EMAIL_PATTERN, MASKED_EMAIL);
  return withoutEmail.replace(PHONE_PATTERN, (match) => {
    const digits = digitCount(match);
    // Domestic numbers have 10 or 11 digits (03-1234-5678, 090-1234-5678, 0120-123-456); +81 drops the 0.
    const isPhone = /^[+＋]/u.test(match) ? digits >= 11 && digits <= 12 : digits >= 10 && digits <= 11;
    return isPhone ? MASKED_PHONE : match;
  });
}

/** True when a text still holds something that looks like a phone number or an e-mail address. */
export function hasPersonalContact(text: string): boolean {
  return maskPersonalData(text) !== text;
}
