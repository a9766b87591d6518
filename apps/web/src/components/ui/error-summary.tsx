import type { Ref } from 'react';
import { useT } from '@/lib/i18n/i18n-provider';

export type FieldError = { fieldId: string; message: string };

type ErrorSummaryProps = { errors: FieldError[]; message?: string | undefined; ref?: Ref<HTMLDivElement> };

/**
 * Lists a form's errors at its top, announced at once; each item moves focus to its field.
 * Give it a ref and focus it after a failed submit.
 */
export function ErrorSummary({ errors, message, ref }: ErrorSummaryProps) {
  const t = useT();
  if (errors.length === 0 && !message) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      className="rounded-8 border-2 border-error-2 bg-red-50 px-4 py-4 md:px-6"
    >
      <p className="text-std-17B-170 text-solid-gray-900">{t('form.errorSummaryTitle')}</p>
      {message ? <p className="text-std-16N-170 text-solid-gray-800">{message}</p> : null}
      {errors.length > 0 ? (
        <ul className="mt-2 list-disc pl-6 text-std-16N-170">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a
                href={`#${error.fieldId}`}
                className="link"
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId)?.focus();
                }}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
