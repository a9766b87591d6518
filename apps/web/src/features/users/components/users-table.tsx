import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import type { User } from '../types';

type UsersTableProps = {
  users: readonly User[];
  total: number;
  /** The name of an org unit by id, for the scope of a role. */
  orgUnitName: (id: string) => string | undefined;
  onEdit: (user: User) => void;
};

/** The users of one page, with their org unit, roles and status. */
export function UsersTable({ users, total, orgUnitName, onEdit }: UsersTableProps) {
  const t = useT();
  const { language } = useLanguage();
  if (users.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{t('users.none')}</p>;
  const headerClass = 'px-3 py-2 text-std-16B-170 whitespace-nowrap';
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-std-16N-170">
        <caption className="mb-2 text-left text-std-17B-170 text-solid-gray-800">
          {t('users.caption', { total: formatCount(total, language) })}
        </caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className={headerClass}>
              {t('users.displayName')}
            </th>
            <th scope="col" className={headerClass}>
              {t('users.login')}
            </th>
            <th scope="col" className={headerClass}>
              {t('users.orgUnit')}
            </th>
            <th scope="col" className={headerClass}>
              {t('users.roles')}
            </th>
            <th scope="col" className={headerClass}>
              {t('users.status')}
            </th>
            <th scope="col" className={headerClass}>
              {t('common.actions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-solid-gray-200 align-top">
              <th scope="row" className="px-3 py-3 font-normal">
                <span lang="ja" className="block text-std-16B-170">
                  {user.displayName}
                </span>
                {user.displayNameKana ? (
                  <span lang="ja" className="block text-dns-14N-130 text-solid-gray-700">
                    {user.displayNameKana}
                  </span>
                ) : null}
              </th>
              <td className="px-3 py-3 font-mono">{user.login}</td>
              <td lang="ja" className="px-3 py-3">
                {user.orgUnitName ?? '—'}
              </td>
              <td className="px-3 py-3">
                {user.roles.length === 0 ? (
                  '—'
                ) : (
                  <ul>
                    {user.roles.map((assignment) => {
                      const scope = assignment.orgUnitId ? orgUnitName(assignment.orgUnitId) : undefined;
                      return (
                        <li key={`${assignment.role}:${assignment.orgUnitId ?? ''}`}>
                          {t(`role.${assignment.role}`)}
                          {scope ? <span lang="ja">（{scope}）</span> : null}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
              <td className="px-3 py-3">
                {user.isActive ? (
                  <Badge tone="info">{t('users.active')}</Badge>
                ) : (
                  <Badge tone="inactive">{t('users.inactive')}</Badge>
                )}
              </td>
              <td className="px-3 py-3">
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={t('users.editNamed', { name: user.displayName })}
                  onClick={() => onEdit(user)}
                >
                  {t('common.edit')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
