import { useCallback } from 'react';
import { isApiError } from './api-client';
import { useLanguage, useT } from './i18n/i18n-provider';

/** Turns a problem's `errors[].path` (`/name`, `body.roles.0.role`…) into a form field name (`roles.0.role`). */
export function fieldNameOf(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^(body|json|query)\./, '');
}

/** The server's per-field messages in the current language, keyed by field name. */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { language } = useLanguage();
  if (!isApiError(error) || !error.problem?.errors) return {};
  const result: Record<string, string> = {};
  for (const item of error.problem.errors) {
    const name = fieldNameOf(item.path);
    result[name] ??= item.messages[language];
  }
  return result;
}

/** A function that gives the message to show for any error, in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { language } = useLanguage();
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        if (error.problem) return error.problem.messages[language];
        if (error.status === 0) return t('error.network');
        return t('error.http', { status: error.status });
      }
      return t('error.unexpected');
    },
    [language, t],
  );
}
