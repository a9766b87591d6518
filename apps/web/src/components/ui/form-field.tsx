import { type ReactNode, useId } from 'react';
import { useT } from '@/lib/i18n/i18n-provider';

export type FieldControlProps = {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
};

type FormFieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  /** The id of the control; generated when not given. */
  id?: string;
  /** Ids of further messages about this control (e.g. a form-level error that concerns it). */
  describedBy?: string | undefined;
  /** Marks the control invalid although its own error is shown elsewhere. */
  invalid?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * A label, an optional hint and an error message around one control. The control gets the ids
 * it needs: the label is tied by `for`, hint and error by `aria-describedby`.
 */
export function FormField({
  label,
  hint,
  error,
  required,
  id,
  describedBy,
  invalid,
  className = '',
  children,
}: FormFieldProps) {
  const t = useT();
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const allDescribedBy = [errorId, describedBy, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      <label
        htmlFor={controlId}
        className="flex flex-wrap items-center gap-2 text-std-17B-170 text-solid-gray-800"
      >
        {label}
        {required ? (
          <span className="text-dns-14N-130 rounded-4 border border-error-2 px-1.5 py-0.5 text-error-2">
            {t('form.required')}
          </span>
        ) : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-std-16N-170 text-solid-gray-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-std-16N-170 text-error-2">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      ) : null}
      {children({
        id: controlId,
        'aria-describedby': allDescribedBy,
        'aria-invalid': error || invalid ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
    </div>
  );
}

export const inputClassName =
  'w-full rounded-8 border border-solid-gray-600 bg-white px-4 py-3 text-std-16N-170 text-solid-gray-800 hover:border-black aria-[invalid=true]:border-error-2 disabled:border-solid-gray-300 disabled:bg-solid-gray-50 disabled:text-solid-gray-420';
