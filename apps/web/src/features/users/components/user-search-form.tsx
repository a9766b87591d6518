import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, type SelectOption } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n/i18n-provider';
import { isRole, ROLES } from '@/types/api';
import type { UserSearch } from '../types';

type UserSearchFormProps = {
  value: UserSearch;
  orgUnitOptions: readonly SelectOption[];
  onSearch: (search: UserSearch) => void;
};

/** Search by words, org unit, role and status. Give it a `key` from `value` to start over on URL changes. */
export function UserSearchForm({ value, orgUnitOptions, onSearch }: UserSearchFormProps) {
  const t = useT();
  const [q, setQ] = useState(value.q ?? '');
  const [orgUnitId, setOrgUnitId] = useState(value.orgUnitId ?? '');
  const [role, setRole] = useState<string>(value.role ?? '');
  const [active, setActive] = useState<string>(value.active ?? '');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({
      q: q.trim() || undefined,
      orgUnitId: orgUnitId || undefined,
      role: isRole(role) ? role : undefined,
      active: active === 'true' || active === 'false' ? active : undefined,
      page: undefined,
    });
  }

  return (
    <form
      aria-label={t('users.search')}
      onSubmit={onSubmit}
      className="mb-8 flex flex-col gap-6 rounded-8 border border-solid-gray-420 px-4 py-6 md:px-6"
    >
      <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-4">
        <TextField
          label={t('users.searchWords')}
          hint={t('users.searchWordsHint')}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <SelectField
          label={t('users.orgUnit')}
          value={orgUnitId}
          options={[{ value: '', label: t('common.all') }, ...orgUnitOptions]}
          onChange={(event) => setOrgUnitId(event.target.value)}
        />
        <SelectField
          label={t('users.role')}
          value={role}
          options={[
            { value: '', label: t('common.all') },
            ...ROLES.map((item) => ({ value: item, label: t(`role.${item}`) })),
          ]}
          onChange={(event) => setRole(event.target.value)}
        />
        <SelectField
          label={t('users.status')}
          value={active}
          options={[
            { value: '', label: t('common.all') },
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
          onChange={(event) => setActive(event.target.value)}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        <Button type="submit">{t('common.search')}</Button>
        <Button
          variant="tertiary"
          onClick={() => {
            setQ('');
            setOrgUnitId('');
            setRole('');
            setActive('');
            onSearch({});
          }}
        >
          {t('common.clearFilters')}
        </Button>
      </div>
    </form>
  );
}
