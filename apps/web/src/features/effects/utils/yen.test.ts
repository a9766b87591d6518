import { describe, expect, it } from 'vitest';
import { formatYen, formatYenExact, formatYenNatural, naturalUnit, parseYenText, yenFromInput } from './yen';

describe('yen as a Japanese reader expects', () => {
  it('formats in 億円, 百万円 and 千円 with ▲ for negatives', () => {
    expect(formatYen(7_884_000_000n, { unit: 'oku', fractionDigits: 2 })).toBe('78.84億円');
    expect(formatYen(33_000_000_000n, { unit: 'oku' })).toBe('330億円');
    expect(formatYen(-30_000_000n, { unit: 'million' })).toBe('▲30百万円');
    expect(formatYen(1_234_567n, { unit: 'thousand' })).toBe('1,235千円');
    expect(formatYen(-400n, { unit: 'thousand' })).toBe('0千円');
    expect(formatYen(12_345n, { unit: 'thousand', language: 'en' })).toBe('12 k yen');
  });

  it('chooses the natural unit and drops zeros after the point', () => {
    expect(naturalUnit(-150_000_000n)).toBe('oku');
    expect(formatYenNatural(33_000_000_000n)).toBe('330億円');
    expect(formatYenNatural(7_884_000_000n)).toBe('78.84億円');
    expect(formatYenNatural(420_000_000n)).toBe('4.2億円');
    expect(formatYenNatural(35_000_000n)).toBe('35百万円');
    expect(formatYenNatural(-30_000_000n)).toBe('▲30百万円');
    expect(formatYenNatural(500_000n)).toBe('500千円');
    expect(formatYenNatural(0n)).toBe('0円');
  });

  it('keeps amounts exact beyond 2^53 and reads only whole yen', () => {
    expect(formatYenExact(9_007_199_254_740_993n)).toBe('9,007,199,254,740,993円');
    expect(parseYenText('-30000000')).toBe(-30_000_000n);
    expect(parseYenText('1.5')).toBe(0n);
    expect(parseYenText(null)).toBe(0n);
  });
});

describe('yenFromInput', () => {
  it('reads an amount typed in a unit as whole yen', () => {
    expect(yenFromInput('1.5', 'oku')).toBe('150000000');
    expect(yenFromInput('１，２００', 'thousand')).toBe('1200000');
    expect(yenFromInput('▲30', 'million')).toBe('-30000000');
    expect(yenFromInput('0.0001', 'thousand')).toBeNull();
    expect(yenFromInput('12a', 'yen')).toBeNull();
  });
});
