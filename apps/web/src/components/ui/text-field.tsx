import type { InputHTMLAttributes, ReactNode } from 'react';
import { FormField, inputClassName } from './form-field';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'required'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  id?: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  fieldClassName?: string;
};

/** A labelled text input with hint and error message. */
export function TextField({
  label,
  hint,
  error,
  required,
  id,
  describedBy,
  invalid,
  fieldClassName,
  className = '',
  ...input
}: TextFieldProps) {
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
      {(control) => <input {...control} {...input} className={`${inputClassName} ${className}`} />}
    </FormField>
  );
}
