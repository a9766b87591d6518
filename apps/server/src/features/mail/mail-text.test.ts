import { describe, expect, it } from 'vitest';
import {
  composeDigestMail,
  composeImmediateMail,
  japaneseTime,
  latestDigestTime,
  mailLink,
} from './mail-text.ts';

describe('latestDigestTime', () => {
  it.each([
    // 07:00 JST is 22:00 UTC the day before.
    ['2024-07-22T21:59:59Z', '2024-07-21T22:00:00.000Z'],
    ['2024-07-22T22:00:00Z', '2024-07-22T22:00:00.000Z'],
    ['2024-07-23T03:00:00Z', '2024-07-22T22:00:00.000Z'],
    ['2024-12-31T23:00:00Z', '2024-12-31T22:00:00.000Z'],
    ['2025-01-01T00:00:00Z', '2024-12-31T22:00:00.000Z'],
  ])('at %s → %s', (now, expected) => {
    expect(latestDigestTime(new Date(now), 7).toISOString()).toBe(expected);
  });

  it('works at midnight Tokyo time', () => {
    expect(latestDigestTime(new Date('2024-07-22T15:00:00Z'), 0).toISOString()).toBe(
      '2024-07-22T15:00:00.000Z',
    );
    expect(latestDigestTime(new Date('2024-07-22T14:59:00Z'), 0).toISOString()).toBe(
      '2024-07-21T15:00:00.000Z',
    );
  });
});

describe('mail text', () => {
  it('writes times in Asia/Tokyo', () => {
    expect(japaneseTime(new Date('2024-07-21T15:05:00Z'))).toBe('7月22日 00:05');
  });

  it('writes full links when the public origin is known, the path otherwise', () => {
    expect(mailLink('https://totonoe.example.lg.jp', '/meetings/1')).toBe(
      'https://totonoe.example.lg.jp/meetings/1',
    );
    expect(mailLink(undefined, '/meetings/1')).toBe('Totonoe の /meetings/1');
  });

  it('composes an immediate mail with a one-line subject', () => {
    const mail = composeImmediateMail({
      recipientName: '福祉 一郎',
      title: '承認を\nお願いします',
      body: '局区X方針（子ども家庭局）の決裁が回ってきました。',
      link: '/policies/1',
      publicOrigin: 'https://totonoe.example.lg.jp',
    });
    expect(mail.subject).toBe('【Totonoe】承認を お願いします');
    expect(mail.text.startsWith('福祉 一郎 様\n\nTotonoe からのお知らせです。\n')).toBe(true);
    expect(mail.text).toContain('局区X方針（子ども家庭局）の決裁が回ってきました。');
    expect(mail.text).toContain('https://totonoe.example.lg.jp/policies/1');
    expect(mail.text).toContain('https://totonoe.example.lg.jp/settings/mail');
  });

  it('numbers digest entries oldest first with their time', () => {
    const mail = composeDigestMail({
      recipientName: '環境 二葉',
      entries: [
        {
          title: '課題が見送られました',
          link: '/platinum/issues/1',
          createdAt: new Date('2024-07-22T01:00:00Z'),
        },
        { title: '会議が公開されました', link: null, createdAt: new Date('2024-07-22T05:30:00Z') },
      ],
      sentAt: new Date('2024-07-22T22:00:00Z'),
      publicOrigin: undefined,
    });
    expect(mail.subject).toBe('【Totonoe】お知らせのまとめ（7月23日・2件）');
    expect(mail.text).toContain(
      '■ 1. 課題が見送られました\n   7月22日 10:00\n   Totonoe の /platinum/issues/1',
    );
    expect(mail.text).toContain('■ 2. 会議が公開されました\n   7月22日 14:30\n\n');
  });
});
