import { describe, expect, it } from 'vitest';
import { isLocale, LOCALES, localeSchema, localize } from './messages';

describe('messages', () => {
  it('speaks Japanese first, then English', () => {
    expect(LOCALES).toEqual(['ja', 'en']);
  });

  it('picks the text of a locale, Japanese by default', () => {
    const text = { ja: '市政変革室', en: 'Reform Office' };
    expect(localize(text)).toBe('市政変革室');
    expect(localize(text, 'ja')).toBe('市政変革室');
    expect(localize(text, 'en')).toBe('Reform Office');
  });

  it('recognises locales', () => {
    expect(isLocale('ja')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale('JA')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(localeSchema.safeParse('en').success).toBe(true);
    expect(localeSchema.safeParse('ja-JP').success).toBe(false);
  });
});
