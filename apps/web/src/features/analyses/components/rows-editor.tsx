import { Button } from '@/components/ui/button';
import { inputClassName } from '@/components/ui/form-field';
import { useAnalysisText } from '../messages';

export type RowField<T> = {
  key: keyof T & string;
  label: string;
  kind?: 'text' | 'textarea' | 'select' | 'number';
  options?: readonly { value: string; label: string }[];
  width?: 'narrow' | 'wide';
};

/**
 * Rows of a list inside a form (budget lines, steps, KPIs…): each row is a labelled group whose
 * inputs carry their own labels, with a button to remove it; a button adds a row.
 */
export function RowsEditor<T extends Record<string, unknown>>({
  legend,
  rows,
  fields,
  onChange,
  makeRow,
  isReadOnly,
  idPrefix,
  problems,
}: {
  legend: string;
  rows: T[];
  fields: RowField<T>[];
  onChange: (rows: T[]) => void;
  makeRow: () => T;
  isReadOnly: boolean;
  idPrefix: string;
  problems?: Record<string, string>;
}) {
  const text = useAnalysisText();
  const update = (index: number, key: string, value: string) =>
    onChange(rows.map((row, rowIndex) => (rowIndex === index ? { ...row, [key]: value } : row)));
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-800">{legend}</legend>
      {rows.length === 0 ? <p className="text-std-16N-170 text-solid-gray-600">—</p> : null}
      {rows.map((row, index) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; order is the identity.
          key={index}
          className="grid gap-3 rounded-8 border border-solid-gray-300 p-3 md:grid-cols-6"
        >
          <legend className="sr-only">{text('rowLabel', { index: index + 1 })}</legend>
          {fields.map((field) => {
            const id = `${idPrefix}-${index}-${field.key}`;
            const problem = problems?.[`${index}.${field.key}`];
            const value = String(row[field.key] ?? '');
            const span =
              field.width === 'wide'
                ? 'md:col-span-6'
                : field.width === 'narrow'
                  ? 'md:col-span-1'
                  : 'md:col-span-2';
            return (
              <div key={field.key} className={`flex flex-col gap-1 ${span}`}>
                <label htmlFor={id} className="text-std-16B-170 text-solid-gray-800">
                  {field.label}
                </label>
                {problem ? (
                  <p id={`${id}-error`} className="text-std-16N-170 text-error-2">
                    <span aria-hidden="true">＊</span>
                    {problem}
                  </p>
                ) : null}
                {field.kind === 'textarea' ? (
                  <textarea
                    id={id}
                    rows={2}
                    value={value}
                    readOnly={isReadOnly}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    onChange={(event) => update(index, field.key, event.target.value)}
                    className={inputClassName}
                  />
                ) : field.kind === 'select' ? (
                  <select
                    id={id}
                    value={value}
                    disabled={isReadOnly}
                    onChange={(event) => update(index, field.key, event.target.value)}
                    className={`${inputClassName} appearance-auto`}
                  >
                    {(field.options ?? []).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    value={value}
                    readOnly={isReadOnly}
                    inputMode={field.kind === 'number' ? 'decimal' : undefined}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    onChange={(event) => update(index, field.key, event.target.value)}
                    className={inputClassName}
                  />
                )}
              </div>
            );
          })}
          {isReadOnly ? null : (
            <div className="md:col-span-6">
              <Button
                variant="tertiary"
                size="xs"
                onClick={() => onChange(rows.filter((_, rowIndex) => rowIndex !== index))}
              >
                {text('removeRow', { index: index + 1 })}
              </Button>
            </div>
          )}
        </fieldset>
      ))}
      {isReadOnly ? null : (
        <div>
          <Button variant="secondary" size="sm" onClick={() => onChange([...rows, makeRow()])}>
            {text('addRow')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
