import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  id?: string;
};

/** A checkbox with its label beside it (the whole label is clickable). */
export function CheckboxField({ label, hint, id, className = '', ...input }: CheckboxFieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <div className="flex items-start gap-3">
        <input
          {...input}
          id={controlId}
          type="checkbox"
          aria-describedby={hintId}
          className="mt-1 size-6 shrink-0 accent-blue-900"
        />
        <label htmlFor={controlId} className="text-std-16N-170 text-solid-gray-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintId} className="ml-9 text-std-16N-170 text-solid-gray-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
