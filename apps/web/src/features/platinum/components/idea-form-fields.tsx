import { FormField, inputClassName } from '@/components/ui/form-field';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { usePlatinumText } from '../messages';
import type { IdeaInput, Theme } from '../types';

export const TITLE_MAX = 100;
export const TEXT_MAX = 4000;
export const EFFECT_MAX = 2000;

/** The idea's fields, shared by submission and editing. */
export function IdeaFormFields({
  value,
  onChange,
  themes,
  errors,
  idPrefix,
}: {
  value: IdeaInput;
  onChange: (next: IdeaInput) => void;
  themes: readonly Theme[];
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const text = usePlatinumText();
  const textArea = (
    field: 'problem' | 'proposal' | 'expectedEffect',
    label: string,
    max: number,
    required: boolean,
  ) => (
    <FormField label={label} required={required} error={errors[field]} id={`${idPrefix}-${field}`}>
      {(control) => (
        <textarea
          {...control}
          rows={5}
          maxLength={max}
          value={value[field]}
          onChange={(event) => onChange({ ...value, [field]: event.target.value })}
          className={inputClassName}
        />
      )}
    </FormField>
  );
  return (
    <>
      <SelectField
        id={`${idPrefix}-theme`}
        label={text('fieldTheme')}
        required
        error={errors.theme}
        value={value.theme}
        onChange={(event) => onChange({ ...value, theme: event.target.value as Theme })}
        options={themes.map((theme) => ({ value: theme, label: text(`theme.${theme}`) }))}
      />
      <TextField
        id={`${idPrefix}-title`}
        label={text('fieldTitle')}
        hint={text('fieldTitleHint', { max: TITLE_MAX })}
        required
        maxLength={TITLE_MAX}
        error={errors.title}
        value={value.title}
        onChange={(event) => onChange({ ...value, title: event.target.value })}
      />
      {textArea('problem', text('fieldProblem'), TEXT_MAX, true)}
      {textArea('proposal', text('fieldProposal'), TEXT_MAX, true)}
      {textArea('expectedEffect', text('fieldEffect'), EFFECT_MAX, false)}
    </>
  );
}

/** Errors found before sending: required fields left blank. */
export function missingFields(value: IdeaInput, message: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!value.title.trim()) errors.title = message;
  if (!value.problem.trim()) errors.problem = message;
  if (!value.proposal.trim()) errors.proposal = message;
  return errors;
}
