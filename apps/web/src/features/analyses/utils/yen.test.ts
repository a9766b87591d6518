import { describe, expect, it } from 'vitest';
import { groupYen, thousandsTextToYen, yenTextToYen, yenToThousandsText } from './yen';

describe('amounts in 千円', () => {
  it('shows yen in thousands, rounding half up, with ▲ for negatives', () => {
    expect(yenToThousandsText('8630000000')).toBe('8,630,000');
    expect(yenToThousandsText('1500')).toBe('2');
    expect(yenToThousandsText('1499')).toBe('1');
    expect(yenToThousandsText('-2000')).toBe('▲2');
    expect(yenToThousandsText('-400')).toBe('0');
    expect(yenToThousandsText('abc')).toBe('');
  });

  it('reads typed thousands as whole yen, width-folded, and refuses the rest', () => {
    expect(thousandsTextToYen('8,630,000')).toBe('8630000000');
    expect(thousandsTextToYen('１２．５')).toBe('12500');
    expect(thousandsTextToYen('0')).toBe('0');
    expect(thousandsTextToYen('-5')).toBeNull();
    expect(thousandsTextToYen('1.2345')).toBeNull();
    expect(thousandsTextToYen('')).toBeNull();
  });

  it('reads and groups whole yen', () => {
    expect(yenTextToYen('１８０,０００,０００円')).toBe('180000000');
    expect(yenTextToYen('1.5')).toBeNull();
    expect(groupYen('180000000')).toBe('180,000,000');
  });
});
