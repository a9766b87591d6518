/** Whole yen travel as decimal strings; the screens show and take budget amounts in 千円. */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567000 → "1,234,567" (千円, rounded half up); ▲ for negatives. */
export function yenToThousandsText(yen: string): string {
  if (!/^-?\d+$/.test(yen)) return '';
  const amount = BigInt(yen);
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const thousands = (magnitude + 500n) / 1000n;
  return `${negative && thousands !== 0n ? '▲' : ''}${groupThousands(thousands.toString())}`;
}

/** 1234567 → "1,234,567" (a whole yen amount as typed digits, grouped). */
export function groupYen(yen: string): string {
  return /^\d+$/.test(yen) ? groupThousands(yen) : yen;
}

/**
 * Reads an amount typed in 千円 (full-width digits and commas allowed) as whole yen; null when it
 * is not a non-negative number of at most 12 digits of 千円 with up to three decimals.
 */
export function thousandsTextToYen(text: string): string | null {
  const folded = text.normalize('NFKC').replace(/[,\s]/g, '');
  const match = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(folded);
  if (!match) return null;
  const yen = BigInt(match[1]!) * 1000n + BigInt((match[2] ?? '').padEnd(3, '0') || '0');
  return yen.toString();
}

/** Reads whole yen typed by a person (commas and full-width digits allowed); null when not a whole number ≥ 0. */
export function yenTextToYen(text: string): string | null {
  const folded = text.normalize('NFKC').replace(/[,\s円]/g, '');
  if (!/^\d{1,15}$/.test(folded)) return null;
  return BigInt(folded).toString();
}
