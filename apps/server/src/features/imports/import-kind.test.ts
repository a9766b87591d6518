import { describe, expect, it } from 'vitest';
import { headerKey, parseDay, parseFlag, proposeMapping, valuesOf } from './import-kind.ts';

describe('parseDay', () => {
  it.each([
    ['2024-04-01', '2024-04-01'],
    ['2024/4/1', '2024-04-01'],
    ['２０２４／４／１', '2024-04-01'],
    ['2024年4月1日', '2024-04-01'],
    ['2024.04.01', '2024-04-01'],
    ['令和6年4月1日', '2024-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R6.4.1', '2024-04-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['H31/4/30', '2019-04-30'],
    ['2024-02-30', null],
    ['2024年13月1日', null],
    ['4月1日', null],
    ['', null],
    ['昭和64年1月1日', null],
  ])('%j → %j', (text, expected) => {
    expect(parseDay(text)).toBe(expected);
  });
});

describe('parseFlag', () => {
  it.each([
    ['有効', true],
    ['○', true],
    ['TRUE', true],
    ['1', true],
    ['無効', false],
    ['×', false],
    ['false', false],
    ['', false],
    ['たぶん', null],
  ])('%j → %j', (text, expected) => {
    expect(parseFlag(text)).toBe(expected);
  });
});

describe('headers', () => {
  it('folds width, case, kana, spaces and required marks', () => {
    expect(headerKey('＊組織コード（必須）')).toBe(headerKey('組織コード'));
    expect(headerKey('ﾛｸﾞｲﾝID')).toBe(headerKey('ログインｉｄ'));
    expect(headerKey(' e-mail ')).toBe(headerKey('EMAIL'));
  });

  it('proposes each column once, preferring the remembered header', () => {
    const fields = [
      { key: 'login', label: { ja: 'ログインID', en: 'Login' }, aliases: ['ID'], isRequired: true },
      { key: 'name', label: { ja: '氏名', en: 'Name' }, aliases: ['名前'], isRequired: true },
      { key: 'email', label: { ja: 'メール', en: 'E-mail' }, aliases: [], isRequired: false },
    ];
    expect(proposeMapping(fields, ['名前', 'ID', '備考'], null)).toEqual({ login: 1, name: 0, email: null });
    expect(proposeMapping(fields, ['連絡先', '名前', 'ID'], { email: '連絡先' })).toEqual({
      login: 2,
      name: 1,
      email: 0,
    });
    expect(proposeMapping(fields, ['ID', 'ID'], null)).toEqual({ login: 0, name: null, email: null });
  });

  it('reads values through the mapping and takes off an export’s formula guard', () => {
    expect(valuesOf([' a ', "'=SUM(A1)", "'abc"], { x: 0, y: 1, z: 2, w: null })).toEqual({
      x: 'a',
      y: '=SUM(A1)',
      z: "'abc",
      w: '',
    });
  });
});
