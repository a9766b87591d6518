import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordSchema } from './passwords';

const accepts = (value: unknown) => passwordSchema.safeParse(value).success;

describe('passwordSchema', () => {
  it('allows 12 to 128 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    expect(accepts('a'.repeat(11))).toBe(false);
    expect(accepts('a'.repeat(12))).toBe(true);
    expect(accepts('a'.repeat(128))).toBe(true);
    expect(accepts('a'.repeat(129))).toBe(false);
    expect(accepts('')).toBe(false);
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    // Each of these is one code point but two UTF-16 units.
    expect(accepts('😀'.repeat(6))).toBe(false);
    expect(accepts('😀'.repeat(11))).toBe(false);
    expect(accepts('😀'.repeat(12))).toBe(true);
    expect(accepts('𠮷'.repeat(128))).toBe(true);
    expect(accepts('𠮷'.repeat(129))).toBe(false);
    expect(accepts(`${'a'.repeat(11)}😀`)).toBe(true);
  });

  it('allows any characters, with no composition rules', () => {
    for (const value of [
      'aaaaaaaaaaaa',
      'パスワードは十二文字以上です',
      '            ',
      'correct horse battery staple',
      'Ω≈ç√∫˜µ≤≥÷€‹›',
      'tab\there\nand newline',
    ]) {
      expect(accepts(value), value).toBe(true);
      expect(passwordSchema.parse(value)).toBe(value);
    }
  });

  it('rejects non-strings', () => {
    for (const value of [123456789012, null, undefined, ['a'.repeat(12)]]) {
      expect(accepts(value)).toBe(false);
    }
  });

  it('never echoes the password in its issues', () => {
    const secret = 'short-secret';
    const result = passwordSchema.safeParse(secret.slice(0, 8));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).not.toContain(secret.slice(0, 8));
    expect(result.error?.issues[0]?.code).toBe('too_small');
  });
});
