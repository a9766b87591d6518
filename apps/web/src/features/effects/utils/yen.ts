/**
 * Yen as a Japanese budget document writes them: whole yen arrive from the API as decimal strings
 * (exact beyond 2^53); they are shown in 億円, 百万円 or 千円, with ▲ for a negative amount.
 */

export const YEN_UNITS = {
  oku: { value: 100_000_000n, ja: '億円', en: '×100M yen' },
  million: { value: 1_000_000n, ja: '百万円', en: 'M yen' },
  thousand: { value: 1_000n, ja: '千円', en: 'k yen' },
  yen: { value: 1n, ja: '円', en: 'yen' },
} as const;

export type YenUnit = keyof typeof YEN_UNITS;

/** Reads a decimal string of whole yen; anything else is 0. */
export function parseYenText(value: string | null | undefined): bigint {
  return value && /^-?\d+$/.test(value) ? BigInt(value) : 0n;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats whole yen in a unit with the given decimals, rounding half away from zero:
 * 7,884,000,000 in 億円 with 2 decimals → 78.84億円; −30,000,000 in 百万円 → ▲30百万円.
 */
export function formatYen(
  amount: bigint,
  options: { unit?: YenUnit; fractionDigits?: number; language?: 'ja' | 'en'; withUnit?: boolean } = {},
): string {
  const unit = YEN_UNITS[options.unit ?? 'yen'];
  const fractionDigits = options.fractionDigits ?? 0;
  const isNegative = amount < 0n;
  const magnitude = isNegative ? -amount : amount;
  const scale = 10n ** BigInt(fractionDigits);
  const scaled = magnitude * scale;
  let quotient = scaled / unit.value;
  if ((scaled % unit.value) * 2n >= unit.value) quotient += 1n;
  const digits = quotient.toString().padStart(fractionDigits + 1, '0');
  const integer = group(digits.slice(0, digits.length - fractionDigits));
  const fraction = fractionDigits > 0 ? `.${digits.slice(digits.length - fractionDigits)}` : '';
  const sign = isNegative && quotient !== 0n ? '▲' : '';
  const suffix = options.withUnit === false ? '' : options.language === 'en' ? ` ${unit.en}` : unit.ja;
  return `${sign}${integer}${fraction}${suffix}`;
}

/** The unit a reader expects for an amount: 億円 from 1億, 百万円 from 1百万, else 千円. */
export function naturalUnit(amount: bigint): YenUnit {
  const magnitude = amount < 0n ? -amount : amount;
  if (magnitude >= YEN_UNITS.oku.value) return 'oku';
  if (magnitude >= YEN_UNITS.million.value) return 'million';
  return 'thousand';
}

/** An amount in its natural unit: 78.84億円, 35百万円, 500千円, ▲30百万円. */
export function formatYenNatural(amount: bigint, language: 'ja' | 'en' = 'ja'): string {
  if (amount === 0n) return language === 'en' ? '0 yen' : '0円';
  const unit = naturalUnit(amount);
  const digits = unit === 'oku' ? 2 : 0;
  // Trailing zeros after the point say nothing: 330.00億円 → 330億円.
  const text = formatYen(amount, { unit, fractionDigits: digits, language });
  return text.replace(/\.0+(?=\D|$)/, '').replace(/(\.\d*?)0+(?=\D|$)/, '$1');
}

/** The exact amount in yen with separators, for a title or a screen reader: 7,884,000,000円. */
export function formatYenExact(amount: bigint, language: 'ja' | 'en' = 'ja'): string {
  return formatYen(amount, { unit: 'yen', language });
}

/** Whole yen from an amount typed in a unit (1.5 億円 → 150000000), or null when it is not a whole number of yen. */
export function yenFromInput(value: string, unit: YenUnit): string | null {
  const match = /^(-|▲)?(\d{1,15})(?:\.(\d{1,8}))?$/.exec(value.normalize('NFKC').replace(/,/g, '').trim());
  if (!match) return null;
  const fraction = match[3] ?? '';
  const scaled = BigInt(`${match[2]}${fraction}`) * YEN_UNITS[unit].value;
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) return null;
  const amount = scaled / divisor;
  return (match[1] ? -amount : amount).toString();
}
