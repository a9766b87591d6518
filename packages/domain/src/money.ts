import { z } from 'zod';
import { foldWidth } from './text';

/**
 * Money is whole yen held in a bigint: budgets reach 兆 (10^12) and must add up exactly,
 * which floating-point numbers cannot promise.
 */

/** Display units: 円, 千円, 万円, 百万円, 億円. */
export const YEN_UNITS = ['yen', 'thousand', 'ten_thousand', 'million', 'hundred_million'] as const;

export type YenUnit = (typeof YEN_UNITS)[number];

/** How many yen one of each unit is worth. */
export const YEN_UNIT_VALUES: Readonly<Record<YenUnit, bigint>> = {
  yen: 1n,
  thousand: 1_000n,
  ten_thousand: 10_000n,
  million: 1_000_000n,
  hundred_million: 100_000_000n,
};

/** The suffix printed after an amount in each unit. */
export const YEN_UNIT_LABELS: Readonly<Record<YenUnit, string>> = {
  yen: '円',
  thousand: '千円',
  ten_thousand: '万円',
  million: '百万円',
  hundred_million: '億円',
};

export type FormatYenOptions = { unit?: YenUnit; fractionDigits?: number; withUnit?: boolean };

/** Marks a negative amount, as Japanese budget documents do (▲1,234円). */
export const NEGATIVE_SIGN = '▲';

/**
 * Amounts travel through JSON as decimal strings of at most 15 digits: enough for any
 * municipal budget (< 1,000兆円) and still exact if a spreadsheet reads them as numbers.
 */
export const YEN_JSON_MAX_DIGITS = 15;

const MAX_FRACTION_DIGITS = 20;
const MAX_PARSE_LENGTH = 64;

function assertBigint(amount: unknown): asserts amount is bigint {
  if (typeof amount !== 'bigint') {
    throw new TypeError(`Amount must be a bigint, got ${typeof amount}`);
  }
}

function absolute(amount: bigint): bigint {
  return amount < 0n ? -amount : amount;
}

/** Divides a non-negative numerator, rounding half up (away from zero for the magnitude). */
function divideRoundingHalfUp(numerator: bigint, divisor: bigint): bigint {
  const quotient = numerator / divisor;
  const remainder = numerator % divisor;
  return remainder * 2n >= divisor ? quotient + 1n : quotient;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Prints a magnitude already scaled by 10^fractionDigits, with separators, sign and suffix. */
function printScaled(isNegative: boolean, scaled: bigint, fractionDigits: number, suffix: string): string {
  const digits = scaled.toString().padStart(fractionDigits + 1, '0');
  const integerPart = groupThousands(digits.slice(0, digits.length - fractionDigits));
  const fractionPart = fractionDigits > 0 ? `.${digits.slice(digits.length - fractionDigits)}` : '';
  // An amount that rounds to zero is printed without ▲: ▲0千円 would read as a loss that is not there.
  const sign = isNegative && scaled !== 0n ? NEGATIVE_SIGN : '';
  return `${sign}${integerPart}${fractionPart}${suffix}`;
}

function scaleToUnit(magnitude: bigint, unit: YenUnit, fractionDigits: number): bigint {
  return divideRoundingHalfUp(magnitude * 10n ** BigInt(fractionDigits), YEN_UNIT_VALUES[unit]);
}

// Formats whole yen in a unit with thousands separators and ▲ for negatives, rounding half away from zero (1,235千円, 330億円, ▲1,234円).
export function formatYen(amount: bigint, options: FormatYenOptions = {}): string {
  assertBigint(amount);
  const unit = options.unit ?? 'yen';
  const fractionDigits = options.fractionDigits ?? 0;
  const withUnit = options.withUnit ?? true;
  if (!(YEN_UNITS as readonly string[]).includes(unit)) {
    throw new RangeError(`Unknown yen unit: ${JSON.stringify(unit)}`);
  }
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > MAX_FRACTION_DIGITS) {
    throw new RangeError(
      `fractionDigits must be an integer from 0 to ${MAX_FRACTION_DIGITS}, got ${fractionDigits}`,
    );
  }
  const scaled = scaleToUnit(absolute(amount), unit, fractionDigits);
  return printScaled(amount < 0n, scaled, fractionDigits, withUnit ? YEN_UNIT_LABELS[unit] : '');
}

/** Prints in a unit with one decimal, dropping it when it is zero (12.3億円, 330億円). */
function printWithOptionalDecimal(isNegative: boolean, tenths: bigint, unit: YenUnit): string {
  const isWhole = tenths % 10n === 0n;
  return printScaled(isNegative, isWhole ? tenths / 10n : tenths, isWhole ? 0 : 1, YEN_UNIT_LABELS[unit]);
}

// Formats whole yen in the unit a Japanese reader expects: 億円 from 1億 (12.3億円), 万円 from 1万 (1,234.6万円), else 円.
export function formatYenAuto(amount: bigint): string {
  assertBigint(amount);
  const magnitude = absolute(amount);
  const isNegative = amount < 0n;
  if (magnitude < YEN_UNIT_VALUES.ten_thousand) {
    return printScaled(isNegative, magnitude, 0, YEN_UNIT_LABELS.yen);
  }
  if (magnitude < YEN_UNIT_VALUES.hundred_million) {
    const tenths = scaleToUnit(magnitude, 'ten_thousand', 1);
    // 99,999,999円 rounds to 10,000.0万; a reader expects 1億円 there.
    if (tenths < 100_000n) {
      return printWithOptionalDecimal(isNegative, tenths, 'ten_thousand');
    }
  }
  return printWithOptionalDecimal(
    isNegative,
    scaleToUnit(magnitude, 'hundred_million', 1),
    'hundred_million',
  );
}

/** Units a typed amount may carry, with their value in yen. Longer spellings come first. */
const PARSE_UNITS: readonly (readonly [string, bigint])[] = [
  ['兆', 1_000_000_000_000n],
  ['億', 100_000_000n],
  ['千万', 10_000_000n],
  ['百万', 1_000_000n],
  ['万', 10_000n],
  ['千', 1_000n],
];

// ▲ and △ are how budget documents mark negatives; − (U+2212) survives NFKC, so it is listed beside -.
const NEGATIVE_MARKS = new Set(['▲', '△', '-', '−']);
const AMOUNT_TOKEN = /(\d[\d,]*)(?:\.(\d+))?(兆|億|千万|百万|万|千)?/y;
const GROUPED_DIGITS = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/;

function invalidAmount(text: string, reason: string): RangeError {
  return new RangeError(
    `Not an amount of yen (${reason}): ${JSON.stringify(text.slice(0, MAX_PARSE_LENGTH))}`,
  );
}

// Reads a typed amount of yen (1,234 / １２３４ / ▲500 / △500 / -500 / 1.5億円 / 300万円 / 12千円 / 1億2,000万円), throwing a RangeError on anything else or on fractions of a yen.
export function parseYen(text: string): bigint {
  if (typeof text !== 'string' || text.length > MAX_PARSE_LENGTH) {
    throw invalidAmount(String(text), 'too long or not text');
  }
  // Spaces may separate sign, number and unit, never digits from digits ("1 234" is refused).
  let rest = foldWidth(text)
    .trim()
    .replace(/(?<=\D)\s+|\s+(?=\D)/gu, '');
  let isNegative = false;
  const first = rest.charAt(0);
  if (NEGATIVE_MARKS.has(first)) {
    isNegative = true;
    rest = rest.slice(1);
  } else if (first === '+') {
    rest = rest.slice(1);
  }
  const hasYenSign = rest.startsWith('¥');
  if (hasYenSign) {
    rest = rest.slice(1);
  }
  if (rest.endsWith('円')) {
    if (hasYenSign) {
      throw invalidAmount(text, 'both ¥ and 円');
    }
    rest = rest.slice(0, -1);
  }
  if (rest.length === 0) {
    throw invalidAmount(text, 'no digits');
  }

  const segments: { integer: string; fraction: string; unitValue: bigint }[] = [];
  AMOUNT_TOKEN.lastIndex = 0;
  while (AMOUNT_TOKEN.lastIndex < rest.length) {
    const match = AMOUNT_TOKEN.exec(rest);
    if (match === null) {
      throw invalidAmount(text, 'unexpected characters');
    }
    const [, integer = '', fraction = '', unit] = match;
    if (!GROUPED_DIGITS.test(integer)) {
      throw invalidAmount(text, 'misplaced thousands separator');
    }
    const unitValue = PARSE_UNITS.find(([name]) => name === unit)?.[1] ?? 1n;
    segments.push({ integer: integer.replaceAll(',', ''), fraction, unitValue });
  }

  let total = 0n;
  if (segments.length === 1) {
    const [segment] = segments;
    if (segment === undefined) {
      throw invalidAmount(text, 'no digits');
    }
    const scale = 10n ** BigInt(segment.fraction.length);
    const scaled = BigInt(`${segment.integer}${segment.fraction}`) * segment.unitValue;
    if (scaled % scale !== 0n) {
      throw invalidAmount(text, 'not a whole number of yen');
    }
    total = scaled / scale;
  } else {
    // 1億2,000万円: units must fall, only the last part may lack one, and each part must fit below the one before.
    let previousUnit: bigint | null = null;
    for (const [index, segment] of segments.entries()) {
      const isLast = index === segments.length - 1;
      if (segment.fraction !== '' || (segment.unitValue === 1n && !isLast)) {
        throw invalidAmount(text, 'malformed compound amount');
      }
      const value = BigInt(segment.integer);
      if (
        previousUnit !== null &&
        (segment.unitValue >= previousUnit || value * segment.unitValue >= previousUnit)
      ) {
        throw invalidAmount(text, 'malformed compound amount');
      }
      total += value * segment.unitValue;
      previousUnit = segment.unitValue;
    }
  }
  return isNegative ? -total : total;
}

const YEN_JSON_PATTERN = new RegExp(`^(?:0|-?[1-9]\\d{0,${YEN_JSON_MAX_DIGITS - 1}})$`);

/** Zod schema for yen carried in JSON: a decimal string of an integer of at most 15 digits, parsed to bigint. */
export const yenSchema = z
  .string()
  .regex(YEN_JSON_PATTERN, {
    error: `Amount must be a whole number of yen written as a decimal string of at most ${YEN_JSON_MAX_DIGITS} digits`,
  })
  .transform((value) => BigInt(value));

// Writes yen for JSON as a decimal string that yenSchema reads back, throwing a RangeError beyond 15 digits.
export function yenToJson(amount: bigint): string {
  assertBigint(amount);
  const text = amount.toString();
  if (absolute(amount).toString().length > YEN_JSON_MAX_DIGITS) {
    throw new RangeError(`Amount exceeds ${YEN_JSON_MAX_DIGITS} digits: ${text}`);
  }
  return text;
}
