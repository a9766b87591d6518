import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  formatYen,
  formatYenAuto,
  parseYen,
  YEN_JSON_MAX_DIGITS,
  YEN_UNIT_LABELS,
  YEN_UNIT_VALUES,
  YEN_UNITS,
  type YenUnit,
  yenSchema,
  yenToJson,
} from './money';
import { seededRandom } from './test-support';

/** Random bigints of 1 to `maxDigits` digits, both signs, reproducible. */
function randomAmounts(count: number, maxDigits: number, seed: number): bigint[] {
  const next = seededRandom(seed);
  const amounts: bigint[] = [];
  for (let index = 0; index < count; index += 1) {
    const digits = (next() % maxDigits) + 1;
    let text = '';
    for (let position = 0; position < digits; position += 1) {
      text += String(next() % 10);
    }
    const amount = BigInt(text);
    amounts.push(next() % 2 === 0 ? amount : -amount);
  }
  return amounts;
}

const UNIT_DIGITS: Record<YenUnit, number> = {
  yen: 0,
  thousand: 3,
  ten_thousand: 4,
  million: 6,
  hundred_million: 8,
};

describe('YEN_UNITS', () => {
  it('has a value and a label for each unit', () => {
    expect(YEN_UNITS).toEqual(['yen', 'thousand', 'ten_thousand', 'million', 'hundred_million']);
    expect(YEN_UNIT_LABELS).toEqual({
      yen: '円',
      thousand: '千円',
      ten_thousand: '万円',
      million: '百万円',
      hundred_million: '億円',
    });
    for (const unit of YEN_UNITS) {
      expect(YEN_UNIT_VALUES[unit]).toBe(10n ** BigInt(UNIT_DIGITS[unit]));
    }
  });
});

describe('formatYen', () => {
  it.each<[bigint, Parameters<typeof formatYen>[1], string]>([
    [0n, undefined, '0円'],
    [1n, undefined, '1円'],
    [999n, undefined, '999円'],
    [1000n, undefined, '1,000円'],
    [1234n, undefined, '1,234円'],
    [-1234n, undefined, '▲1,234円'],
    [1_234_567_890n, undefined, '1,234,567,890円'],
    [33_000_000_000n, { unit: 'hundred_million' }, '330億円'],
    [33_000_000_000n, { unit: 'hundred_million', fractionDigits: 1 }, '330.0億円'],
    [1_234_567n, { unit: 'thousand' }, '1,235千円'],
    [-1_234_567n, { unit: 'thousand' }, '▲1,235千円'],
    [1_234_567n, { unit: 'thousand', fractionDigits: 2 }, '1,234.57千円'],
    [1_234_567n, { unit: 'thousand', fractionDigits: 3 }, '1,234.567千円'],
    [1_234_567n, { unit: 'thousand', fractionDigits: 5 }, '1,234.56700千円'],
    [1_234_567n, { unit: 'ten_thousand' }, '123万円'],
    [1_250_000n, { unit: 'million', fractionDigits: 1 }, '1.3百万円'],
    [-1_250_000n, { unit: 'million', fractionDigits: 1 }, '▲1.3百万円'],
    [1_249_999n, { unit: 'million', fractionDigits: 1 }, '1.2百万円'],
    [1_500n, { unit: 'thousand' }, '2千円'],
    [-1_500n, { unit: 'thousand' }, '▲2千円'],
    [1_499n, { unit: 'thousand' }, '1千円'],
    [-1_499n, { unit: 'thousand' }, '▲1千円'],
    [2_500n, { unit: 'thousand' }, '3千円'],
    [-2_500n, { unit: 'thousand' }, '▲3千円'],
    [499n, { unit: 'thousand' }, '0千円'],
    [-499n, { unit: 'thousand' }, '0千円'],
    [-500n, { unit: 'thousand' }, '▲1千円'],
    [5_000_000n, { unit: 'hundred_million', fractionDigits: 1 }, '0.1億円'],
    [4_999_999n, { unit: 'hundred_million', fractionDigits: 1 }, '0.0億円'],
    [1_234n, { withUnit: false }, '1,234'],
    [-33_000_000_000n, { unit: 'hundred_million', withUnit: false }, '▲330'],
    [1234n, { fractionDigits: 2 }, '1,234.00円'],
    [10n ** 20n, { unit: 'hundred_million' }, '1,000,000,000,000億円'],
  ])('%s with %j → %s', (amount, options, expected) => {
    expect(formatYen(amount, options)).toBe(expected);
  });

  it('round-trips through parseYen when enough fraction digits are shown', () => {
    for (const amount of randomAmounts(2000, 18, 1)) {
      for (const unit of YEN_UNITS) {
        const text = formatYen(amount, { unit, fractionDigits: UNIT_DIGITS[unit] });
        expect(parseYen(text), text).toBe(amount);
      }
    }
  });

  it('rounds half away from zero in every unit (checked against exact arithmetic)', () => {
    for (const amount of randomAmounts(2000, 14, 2)) {
      for (const unit of YEN_UNITS) {
        const divisor = YEN_UNIT_VALUES[unit];
        const magnitude = amount < 0n ? -amount : amount;
        const floor = magnitude / divisor;
        const rounded = (magnitude % divisor) * 2n >= divisor ? floor + 1n : floor;
        const sign = amount < 0n && rounded !== 0n ? '▲' : '';
        const expected = `${sign}${rounded.toLocaleString('en-US')}${YEN_UNIT_LABELS[unit]}`;
        expect(formatYen(amount, { unit }), `${amount} ${unit}`).toBe(expected);
      }
    }
  });

  it.each<[string, Parameters<typeof formatYen>[1]]>([
    ['negative fraction digits', { fractionDigits: -1 }],
    ['fractional fraction digits', { fractionDigits: 1.5 }],
    ['too many fraction digits', { fractionDigits: 21 }],
    ['unknown unit', { unit: 'trillion' as YenUnit }],
  ])('throws a RangeError for %s', (_name, options) => {
    expect(() => formatYen(1n, options)).toThrow(RangeError);
  });

  it('refuses numbers: money is bigint', () => {
    expect(() => formatYen(1234 as unknown as bigint)).toThrow(TypeError);
    expect(() => formatYenAuto(1234 as unknown as bigint)).toThrow(TypeError);
  });
});

describe('formatYenAuto', () => {
  it.each<[bigint, string]>([
    [0n, '0円'],
    [1n, '1円'],
    [9_999n, '9,999円'],
    [-9_999n, '▲9,999円'],
    [10_000n, '1万円'],
    [12_345n, '1.2万円'],
    [15_000n, '1.5万円'],
    [-12_345n, '▲1.2万円'],
    [3_000_000n, '300万円'],
    [12_345_678n, '1,234.6万円'],
    [99_940_000n, '9,994万円'],
    [99_999_999n, '1億円'],
    [-99_999_999n, '▲1億円'],
    [100_000_000n, '1億円'],
    [100_000_001n, '1億円'],
    [1_234_567_890n, '12.3億円'],
    [-1_234_567_890n, '▲12.3億円'],
    [1_250_000_000n, '12.5億円'],
    [33_000_000_000n, '330億円'],
    [33_049_999_999n, '330.5億円'],
    [1_000_000_000_000n, '10,000億円'],
  ])('%s → %s', (amount, expected) => {
    expect(formatYenAuto(amount)).toBe(expected);
  });

  it('reads back to within half of the last shown digit', () => {
    for (const amount of randomAmounts(3000, 13, 3)) {
      const text = formatYenAuto(amount);
      const parsed = parseYen(text);
      const magnitude = amount < 0n ? -amount : amount;
      const step = magnitude >= 100_000_000n ? 10_000_000n : magnitude >= 10_000n ? 1_000n : 1n;
      const difference = parsed - amount;
      expect((difference < 0n ? -difference : difference) * 2n <= step, `${amount} → ${text}`).toBe(true);
    }
  });
});

describe('parseYen', () => {
  it.each<[string, bigint]>([
    ['0', 0n],
    ['1,234', 1234n],
    ['1234', 1234n],
    ['１２３４', 1234n],
    ['１，２３４円', 1234n],
    ['▲500', -500n],
    ['△500', -500n],
    ['-500', -500n],
    ['－５００', -500n],
    ['−500', -500n],
    ['+500', 500n],
    ['▲ 1,234 円', -1234n],
    ['1.5億円', 150_000_000n],
    ['1.5億', 150_000_000n],
    ['0.5千円', 500n],
    ['300万円', 3_000_000n],
    ['300 万円', 3_000_000n],
    ['12千円', 12_000n],
    ['330億', 33_000_000_000n],
    ['330億円', 33_000_000_000n],
    ['12百万円', 12_000_000n],
    ['5千万円', 50_000_000n],
    ['2兆円', 2_000_000_000_000n],
    ['1億2,000万円', 120_000_000n],
    ['1億2000万', 120_000_000n],
    ['3億5千万円', 350_000_000n],
    ['1万2,345円', 12_345n],
    ['1億2000', 100_002_000n],
    ['1兆2345億6789万1234円', 1_234_567_891_234n],
    ['¥1,000', 1000n],
    ['￥1,000', 1000n],
    ['  1,234  ', 1234n],
    ['1,234,567', 1_234_567n],
    ['007', 7n],
    ['▲0', 0n],
    ['12.30億円', 1_230_000_000n],
  ])('%j → %s', (text, expected) => {
    expect(parseYen(text)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    '円',
    '▲',
    'abc',
    '12a',
    '1.2.3',
    '1.',
    '.5',
    '1,23',
    '12,34,567',
    ',123',
    '1 234',
    '1e5',
    '0x10',
    'NaN',
    'Infinity',
    '▲▲5',
    '--5',
    '+-5',
    '5-',
    '1.5円',
    '1.23456千円',
    '0.000000001億',
    '¥1,000円',
    '1億2.5万円',
    '2000万1億円',
    '1億10000万円',
    '1億1億円',
    '100円200',
    '1万千円',
    '千円',
    '十万円',
    '一万円',
    '1'.repeat(65),
  ])('throws a RangeError for %j', (text) => {
    expect(() => parseYen(text)).toThrow(RangeError);
  });

  it('throws a RangeError for non-strings', () => {
    expect(() => parseYen(1234 as unknown as string)).toThrow(RangeError);
  });

  it('reads back every amount formatYen writes in yen, signed or not', () => {
    for (const amount of randomAmounts(3000, 20, 4)) {
      expect(parseYen(formatYen(amount))).toBe(amount);
      expect(parseYen(amount.toString())).toBe(amount);
    }
  });
});

describe('yenSchema and yenToJson', () => {
  it('turns a decimal string into bigint', () => {
    expectTypeOf<z.output<typeof yenSchema>>().toEqualTypeOf<bigint>();
    expectTypeOf<z.input<typeof yenSchema>>().toEqualTypeOf<string>();
    expect(yenSchema.parse('0')).toBe(0n);
    expect(yenSchema.parse('33000000000')).toBe(33_000_000_000n);
    expect(yenSchema.parse('-1234')).toBe(-1234n);
    expect(yenSchema.parse('999999999999999')).toBe(999_999_999_999_999n);
    expect(yenSchema.parse('-999999999999999')).toBe(-999_999_999_999_999n);
  });

  it.each([
    '1000000000000000',
    '-1000000000000000',
    '1.5',
    '1,234',
    '1e3',
    ' 12',
    '12 ',
    '+12',
    '-0',
    '007',
    '',
    '-',
    '１２',
    '0x1f',
    1234,
    12n,
    null,
  ])('rejects %o', (value) => {
    expect(yenSchema.safeParse(value).success).toBe(false);
  });

  it('writes bigint as the decimal string the schema reads back', () => {
    expect(YEN_JSON_MAX_DIGITS).toBe(15);
    for (const amount of randomAmounts(2000, 15, 5)) {
      const json = yenToJson(amount);
      expect(json).toBe(amount.toString());
      expect(yenSchema.parse(json)).toBe(amount);
    }
    expect(yenToJson(0n)).toBe('0');
    expect(yenToJson(-0n)).toBe('0');
  });

  it('refuses amounts the schema would refuse', () => {
    expect(() => yenToJson(1_000_000_000_000_000n)).toThrow(RangeError);
    expect(() => yenToJson(-1_000_000_000_000_000n)).toThrow(RangeError);
    expect(() => yenToJson(12 as unknown as bigint)).toThrow(TypeError);
  });
});
