import { describe, expect, it } from 'vitest';
import {
  hasPersonalContact,
  MASKED_EMAIL,
  MASKED_PHONE,
  maskPersonalData,
  NEED_CHANNEL_LABELS,
  NEED_CHANNELS,
  NEED_SIDES,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
  parseNeedChannel,
  parseNeedSide,
} from './needs';

describe('maskPersonalData', () => {
  it.each([
    ['連絡先は090-1234-5678です', `連絡先は${MASKED_PHONE}です`],
    ['０９３－５８２－１１１１まで', `${MASKED_PHONE}まで`],
    ['電話(093)582-1111へ', `電話${MASKED_PHONE}へ`],
    ['（０９３）５８２－１１１１', MASKED_PHONE],
    ['(093) 582-1111', MASKED_PHONE],
    ['TEL:0935821111。', `TEL:${MASKED_PHONE}。`],
    ['携帯09012345678', `携帯${MASKED_PHONE}`],
    ['0120-123-456（フリーダイヤル）', `${MASKED_PHONE}（フリーダイヤル）`],
    ['+81-90-1234-5678', MASKED_PHONE],
    ['＋８１ ９０－１２３４－５６７８', MASKED_PHONE],
    ['093-582-1111 2024年7月に', `${MASKED_PHONE} 2024年7月に`],
  ])('masks the phone number in %s', (text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it.each([
    ['taro.yamada@example.jp に返信', `${MASKED_EMAIL} に返信`],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ', MASKED_EMAIL],
    ['mail: a_b+c@city.example.lg.jp.', `mail: ${MASKED_EMAIL}.`],
  ])('masks the e-mail address in %s', (text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it.each([
    '2024-07-22に受付',
    '待機児童は0人、予算は1,234,567円',
    '第1回X会議（7月22日）',
    '電話番号は聞き取れなかった',
    '030-1234', // too short for a phone number
    '0930-123-456-789', // too long
    '令和6年度の保育所 0歳児クラス 12人',
  ])('leaves %s as written', (text) => {
    expect(maskPersonalData(text)).toBe(text);
    expect(hasPersonalContact(text)).toBe(false);
  });

  it('masks several items in one text and reports that it did', () => {
    const text = '山田です。090-1111-2222 または yamada@example.com、会社は03-1234-5678';
    expect(maskPersonalData(text)).toBe(
      `山田です。${MASKED_PHONE} または ${MASKED_EMAIL}、会社は${MASKED_PHONE}`,
    );
    expect(hasPersonalContact(text)).toBe(true);
    expect(hasPersonalContact(maskPersonalData(text))).toBe(false);
  });
});

describe('parsing sides and channels as typed in a spreadsheet', () => {
  it('reads Japanese labels, codes and English labels, in either width', () => {
    expect(parseNeedSide('受け手')).toBe('recipient');
    expect(parseNeedSide(' 担い手 ')).toBe('bearer');
    expect(parseNeedSide('Recipient')).toBe('recipient');
    expect(parseNeedChannel('苦情')).toBe('complaint');
    expect(parseNeedChannel('ｱﾝｹｰﾄ')).toBe('survey');
    expect(parseNeedChannel('suggestion_box')).toBe('suggestion_box');
    expect(parseNeedChannel('窓口')).toBe('counter');
  });

  it('returns null for anything else', () => {
    expect(parseNeedSide('')).toBeNull();
    expect(parseNeedSide('市民')).toBeNull();
    expect(parseNeedChannel('電話')).toBeNull();
  });

  it('reads back every label it defines', () => {
    for (const channel of NEED_CHANNELS)
      expect(parseNeedChannel(NEED_CHANNEL_LABELS[channel].ja)).toBe(channel);
    for (const side of NEED_SIDES) expect(parseNeedSide(side)).toBe(side);
    expect(NEED_STATUSES.map((status) => NEED_STATUS_LABELS[status].ja)).toEqual([
      '新規',
      '紐付け済み',
      '回答済み',
      '完了',
    ]);
  });
});
