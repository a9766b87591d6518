import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { ErrorSummary, type FieldError } from '@/components/ui/error-summary';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { ReloadedNotice, StaleNotice } from '@/components/ui/stale-notice';
import { TextField } from '@/components/ui/text-field';
import { useFocusOnChange } from '@/hooks/use-focus-on-change';
import { isApiError } from '@/lib/api-client';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useT } from '@/lib/i18n/i18n-provider';
import { isRole, isScopedRole, ROLES, type Role } from '@/types/api';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import type { RoleAssignment, User, UserChanges } from '../types';

export type UserFormMode = { type: 'create' } | { type: 'edit'; user: User };

type UserFormDialogProps = {
  /** What to do; the dialog is closed while null. */
  mode: UserFormMode | null;
  /** Org units a user or a scoped role can belong to (current ones, indented as a tree). */
  orgUnitOptions: readonly SelectOption[];
  onClose: () => void;
  onSaved: (user: User) => void;
  /** Fetches the list again (after a 412, to edit the newest version). */
  onReload: () => void;
};

/** Adds a user or edits one: names, org unit, roles (scoped roles with their org unit), status, password. */
export function UserFormDialog({ mode, orgUnitOptions, onClose, onSaved, onReload }: UserFormDialogProps) {
  const t = useT();
  const title =
    mode?.type === 'edit' ? t('users.editTitle', { name: mode.user.displayName }) : t('users.addTitle');
  return (
    <Dialog open={mode !== null} onClose={onClose} title={title} size="lg">
      {mode ? (
        <UserFormHost
          mode={mode}
          orgUnitOptions={orgUnitOptions}
          onCancel={onClose}
          onSaved={onSaved}
          onReload={onReload}
        />
      ) : null}
    </Dialog>
  );
}

type HostProps = Omit<FormProps, 'editing' | 'hasReloaded'> & { mode: UserFormMode };

/** Lives while the dialog is open; remembers a reload across the form starting over. */
function UserFormHost({ mode, onReload, ...props }: HostProps) {
  const [hasReloaded, setHasReloaded] = useState(false);
  return (
    <UserForm
      key={mode.type === 'edit' ? `${mode.user.id}:${mode.user.version}` : 'new'}
      editing={mode.type === 'edit' ? mode.user : undefined}
      hasReloaded={hasReloaded}
      onReload={() => {
        setHasReloaded(true);
        onReload();
      }}
      {...props}
    />
  );
}

type RoleRow = { key: number; role: Role | ''; orgUnitId: string };

type Draft = {
  login: string;
  displayName: string;
  displayNameKana: string;
  email: string;
  orgUnitId: string;
  isActive: boolean;
  password: string;
  roles: RoleRow[];
};

type FormProps = {
  editing: User | undefined;
  orgUnitOptions: readonly SelectOption[];
  onCancel: () => void;
  onSaved: (user: User) => void;
  onReload: () => void;
  hasReloaded: boolean;
};

const TEXT_FIELDS = ['login', 'displayName', 'displayNameKana', 'email', 'orgUnitId', 'password'] as const;

function sameRoles(a: readonly RoleAssignment[], b: readonly RoleAssignment[]): boolean {
  const keyOf = (item: RoleAssignment) => `${item.role}:${item.orgUnitId ?? ''}`;
  const left = a.map(keyOf).sort();
  const right = b.map(keyOf).sort();
  return left.length === right.length && left.every((key, index) => key === right[index]);
}

function UserForm({ editing, orgUnitOptions, onCancel, onSaved, onReload, hasReloaded }: FormProps) {
  const t = useT();
  const errorText = useErrorText();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const mutation = editing ? updateUser : createUser;
  const serverErrors = useFieldErrors(mutation.error);
  const summaryRef = useRef<HTMLDivElement>(null);
  const nextKey = useRef(0);
  const newRow = (role: Role | '' = '', orgUnitId = ''): RoleRow => {
    nextKey.current += 1;
    return { key: nextKey.current, role, orgUnitId };
  };
  const [draft, setDraft] = useState<Draft>(() => ({
    login: editing?.login ?? '',
    displayName: editing?.displayName ?? '',
    displayNameKana: editing?.displayNameKana ?? '',
    email: editing?.email ?? '',
    orgUnitId: editing?.orgUnitId ?? '',
    isActive: editing?.isActive ?? true,
    password: '',
    roles: editing ? editing.roles.map((item) => newRow(item.role, item.orgUnitId ?? '')) : [newRow('staff')],
  }));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [failedSubmits, setFailedSubmits] = useState(0);
  useFocusOnChange(summaryRef, failedSubmits);
  const isStale = isApiError(mutation.error, 412);
  const idPrefix = `user-${editing?.id ?? 'new'}`;
  const fieldId = (field: string) => `${idPrefix}-${field.replace(/\./g, '-')}`;
  const errorFor = (field: string) => clientErrors[field] ?? serverErrors[field];

  const roleFields = draft.roles.flatMap((_, index) => [`roles.${index}.role`, `roles.${index}.orgUnitId`]);
  const summaryErrors: FieldError[] = [...TEXT_FIELDS, ...roleFields, 'roles'].flatMap((field) => {
    const message = errorFor(field);
    return message ? [{ fieldId: field === 'roles' ? fieldId('roles-add') : fieldId(field), message }] : [];
  });
  const generalError =
    mutation.isError && !isStale && summaryErrors.length === 0 ? errorText(mutation.error) : undefined;

  const setText = (field: (typeof TEXT_FIELDS)[number]) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const setRole = (key: number, change: Partial<RoleRow>) =>
    setDraft((current) => ({
      ...current,
      roles: current.roles.map((row) => (row.key === key ? { ...row, ...change } : row)),
    }));

  function validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!editing && !draft.login.trim()) errors.login = t('users.form.loginRequired');
    if (!draft.displayName.trim()) errors.displayName = t('users.form.displayNameRequired');
    if (draft.email.trim() && !/^[^\s@]+@[^\s@]+$/.test(draft.email.trim()))
      errors.email = t('users.form.emailInvalid');
    if (!editing && !draft.password) errors.password = t('users.form.passwordRequired');
    const seen = new Set<string>();
    draft.roles.forEach((row, index) => {
      if (!row.role) {
        errors[`roles.${index}.role`] = t('users.form.roleRequired', { number: index + 1 });
        return;
      }
      if (isScopedRole(row.role) && !row.orgUnitId) {
        errors[`roles.${index}.orgUnitId`] = t('users.form.roleOrgUnitRequired', { number: index + 1 });
      }
      const key = `${row.role}:${isScopedRole(row.role) ? row.orgUnitId : ''}`;
      if (seen.has(key)) errors[`roles.${index}.role`] = t('users.form.roleDuplicate', { number: index + 1 });
      seen.add(key);
    });
    return errors;
  }

  const firstFieldId = fieldId(editing ? 'email' : 'login');
  useEffect(() => {
    if (hasReloaded) document.getElementById(firstFieldId)?.focus();
  }, [hasReloaded, firstFieldId]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const errors = validate();
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      mutation.reset();
      setFailedSubmits((count) => count + 1);
      return;
    }
    const roles: RoleAssignment[] = draft.roles.flatMap((row) =>
      row.role ? [{ role: row.role, orgUnitId: isScopedRole(row.role) ? row.orgUnitId : null }] : [],
    );
    const common = {
      displayName: draft.displayName.trim(),
      displayNameKana: draft.displayNameKana.trim() || null,
      email: draft.email.trim() || null,
      orgUnitId: draft.orgUnitId || null,
    };
    const onError = () => setFailedSubmits((count) => count + 1);
    if (!editing) {
      createUser.mutate(
        { login: draft.login.trim(), password: draft.password, roles, ...common },
        { onSuccess: onSaved, onError },
      );
      return;
    }
    const changes: UserChanges = {};
    if (common.displayName !== editing.displayName) changes.displayName = common.displayName;
    if (common.displayNameKana !== editing.displayNameKana) changes.displayNameKana = common.displayNameKana;
    if (common.email !== editing.email) changes.email = common.email;
    if (common.orgUnitId !== editing.orgUnitId) changes.orgUnitId = common.orgUnitId;
    if (draft.isActive !== editing.isActive) changes.isActive = draft.isActive;
    if (!sameRoles(roles, editing.roles)) changes.roles = roles;
    if (draft.password) changes.password = draft.password;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    updateUser.mutate({ id: editing.id, version: editing.version, changes }, { onSuccess: onSaved, onError });
  }

  const orgUnitChoices: SelectOption[] = [{ value: '', label: t('users.form.noOrgUnit') }, ...orgUnitOptions];

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      {hasReloaded && !mutation.isError ? <ReloadedNotice /> : null}
      {isStale ? (
        <StaleNotice ref={summaryRef} message={errorText(mutation.error)} onReload={onReload} />
      ) : (
        <ErrorSummary ref={summaryRef} errors={summaryErrors} message={generalError} />
      )}
      <div className="grid gap-6 md:grid-cols-2">
        {editing ? (
          <div className="flex flex-col gap-2">
            <p className="text-std-17B-170">{t('users.login')}</p>
            <p className="font-mono text-std-16N-170">{editing.login}</p>
          </div>
        ) : (
          <TextField
            id={fieldId('login')}
            label={t('users.login')}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={draft.login}
            onChange={setText('login')}
            error={errorFor('login')}
          />
        )}
        <TextField
          id={fieldId('email')}
          label={t('users.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={draft.email}
          onChange={setText('email')}
          error={errorFor('email')}
        />
        <TextField
          id={fieldId('displayName')}
          label={t('users.displayName')}
          required
          lang="ja"
          autoComplete="off"
          value={draft.displayName}
          onChange={setText('displayName')}
          error={errorFor('displayName')}
        />
        <TextField
          id={fieldId('displayNameKana')}
          label={t('users.displayNameKana')}
          lang="ja"
          autoComplete="off"
          value={draft.displayNameKana}
          onChange={setText('displayNameKana')}
          error={errorFor('displayNameKana')}
        />
        <SelectField
          id={fieldId('orgUnitId')}
          label={t('users.orgUnit')}
          value={draft.orgUnitId}
          options={orgUnitChoices}
          onChange={setText('orgUnitId')}
          error={errorFor('orgUnitId')}
          fieldClassName="md:col-span-2"
        />
      </div>

      <fieldset className="flex flex-col gap-4 rounded-8 border border-solid-gray-420 px-4 py-4">
        <legend className="px-2 text-std-17B-170">{t('users.roles')}</legend>
        <p className="text-std-16N-170 text-solid-gray-700">{t('users.form.rolesHint')}</p>
        {draft.roles.length === 0 ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t('users.form.noRoles')}</p>
        ) : null}
        {draft.roles.map((row, index) => {
          const number = index + 1;
          const scoped = row.role !== '' && isScopedRole(row.role);
          return (
            <div key={row.key} className="grid items-end gap-4 md:grid-cols-[1fr_1fr_auto]">
              <SelectField
                id={fieldId(`roles.${index}.role`)}
                label={t('users.form.roleNumber', { number })}
                required
                value={row.role}
                options={[
                  { value: '', label: t('common.choose') },
                  ...ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })),
                ]}
                onChange={(event) => {
                  const value = event.target.value;
                  setRole(row.key, { role: isRole(value) ? value : '' });
                }}
                error={errorFor(`roles.${index}.role`)}
              />
              {scoped ? (
                <SelectField
                  id={fieldId(`roles.${index}.orgUnitId`)}
                  label={t('users.form.roleOrgUnit', { number })}
                  required
                  value={row.orgUnitId}
                  options={[{ value: '', label: t('common.choose') }, ...orgUnitOptions]}
                  onChange={(event) => setRole(row.key, { orgUnitId: event.target.value })}
                  error={errorFor(`roles.${index}.orgUnitId`)}
                />
              ) : (
                <p className="pb-3 text-std-16N-170 text-solid-gray-700">{t('users.form.roleWholeCity')}</p>
              )}
              <Button
                variant="danger"
                size="sm"
                className="mb-2"
                aria-label={t('users.form.removeRoleNumber', { number })}
                onClick={() =>
                  setDraft((current) => ({
                    ...current,
                    roles: current.roles.filter((item) => item.key !== row.key),
                  }))
                }
              >
                {t('users.form.removeRole')}
              </Button>
            </div>
          );
        })}
        <div>
          <Button
            id={fieldId('roles-add')}
            variant="secondary"
            size="sm"
            onClick={() => setDraft((current) => ({ ...current, roles: [...current.roles, newRow()] }))}
          >
            {t('users.form.addRole')}
          </Button>
        </div>
      </fieldset>

      {editing ? (
        <CheckboxField
          label={t('users.form.isActive')}
          hint={t('users.form.isActiveHint')}
          checked={draft.isActive}
          onChange={(event) => setDraft((current) => ({ ...current, isActive: event.target.checked }))}
        />
      ) : null}

      <TextField
        id={fieldId('password')}
        label={editing ? t('users.form.newPassword') : t('users.form.password')}
        hint={editing ? t('users.form.newPasswordHint') : t('users.form.passwordHint')}
        required={!editing}
        type="password"
        autoComplete="new-password"
        value={draft.password}
        onChange={setText('password')}
        error={errorFor('password')}
        fieldClassName="md:max-w-md"
      />

      <div className="flex flex-wrap gap-4">
        <Button type="submit" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
