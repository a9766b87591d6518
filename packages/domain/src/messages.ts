import { z } from 'zod';

/** The languages Totonoe speaks: Japanese first, English second. */
export const LOCALES = ['ja', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** A piece of text that exists in every supported language. */
export type LocalizedText = { ja: string; en: string };

/** Zod schema for a locale identifier ('ja' or 'en'). */
export const localeSchema = z.enum(LOCALES);

// Returns the text in the requested locale (Japanese when none is given).
export function localize(text: LocalizedText, locale: Locale = 'ja'): string {
  return text[locale];
}

// Tells whether an unknown value is one of the supported locale identifiers.
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
