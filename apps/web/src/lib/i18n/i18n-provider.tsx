import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { applyLanguage, type Language, readStoredLanguage } from './language';
import { type MessageKey, messages } from './messages';

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

type I18nContextValue = { language: Language; setLanguage: (language: Language) => void };

const I18nContext = createContext<I18nContextValue | null>(null);

/** Holds the UI language; the choice is kept in localStorage and mirrored on `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = readStoredLanguage();
    applyLanguage(initial);
    return initial;
  });
  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current UI language and a way to change it. */
export function useLanguage(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useLanguage must be used inside <I18nProvider>');
  return context;
}

/** Fills `{name}` placeholders in a message. */
export function formatMessage(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

/** The translate function for the current language: `t('nav.home')`, `t('home.greeting', { name })`. */
export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback<Translate>((key, values) => formatMessage(messages[language][key], values), [language]);
}
