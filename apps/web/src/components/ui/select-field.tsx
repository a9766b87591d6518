import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FormField, inputClassName } from './form-field';

export type SelectOption = { value: string; label: string; lang?: string };

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'required'> & {
  label: ReactNode;
  options: readonly SelectOption[];
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  id?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  fieldClassName?: string;
};

/** A labelled native select (keyboard and screen-reader behaviour come from the browser). */
export function SelectField({
  label,
  options,
  hint,
  error,
  required,
  id,
  describedBy,
  invalid,
  fieldClassName,
  className = '',
  ...select
}: SelectFieldProps) {
  return (
    <FormField
      label={label}
      hint={hint}
      error={error}
      required={required}
      id={id}
      describedBy={describedBy}
      invalid={invalid}
      className={fieldClassName}
    >
      {(control) => (
        <select {...control} {...select} className={`${inputClassName} appearance-auto ${className}`}>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
