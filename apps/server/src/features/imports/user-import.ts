import { isScopedRole, ROLES, type Role, roleLabel } from '@totonoe/domain';
import { hasRole } from '../../lib/authorization.ts';
import type { RoleGrant } from '../../lib/context.ts';
import { deleteSessionsOfUser } from '../auth/sessions.queries.ts';
import {
  type ImportField,
  type ImportKind,
  parseFlag,
  type RowError,
  requiredError,
  tooLongError,
} from './import-kind.ts';
import {
  insertImportedUsers,
  listOrgUnitCodes,
  listUsersForImport,
  replaceRolesOfMany,
  type UserImportValues,
  updateImportedUser,
} from './user-import.queries.ts';

const field = (
  key: string,
  ja: string,
  en: string,
  aliases: string[],
  isRequired = false,
  hint?: { ja: string; en: string },
): ImportField => ({ key, label: { ja, en }, aliases, isRequired, hint });

const FIELDS = {
  login: field('login', 'ログインID', 'Login', ['ID', 'ユーザーID', '職員番号'], true, {
    ja: '同じログインIDの利用者は更新されます（大文字・小文字は区別しません）。パスワードは取り込めません。',
    en: 'An existing login is updated (case-insensitive). Passwords are not imported.',
  }),
  displayName: field('displayName', '氏名', 'Name', ['名前', '表示名', 'display_name'], true),
  displayNameKana: field('displayNameKana', '氏名（かな）', 'Name (kana)', [
    'ふりがな',
    'よみ',
    'カナ',
    'かな',
  ]),
  email: field('email', 'メールアドレス', 'E-mail', ['メール', 'mail', 'e-mail']),
  orgUnitCode: field('orgUnitCode', '所属組織コード', 'Org unit code', ['所属', '所属コード', '組織コード']),
  roles: field('roles', '役割', 'Roles', ['ロール', '権限'], false, {
    ja: '「職員、所管部署担当:kodomo」のように読点で区切ります。組織を付けない局長・区長等と所管部署担当は所属組織の役割です。空欄なら今の役割のまま（新規は職員）。',
    en: 'Separated by 、 or commas, e.g. “staff, department_staff:kodomo”. Empty keeps the roles (new people get staff).',
  }),
  isActive: field('isActive', '状態', 'Status', ['有効', '利用状態', 'active'], false, {
    ja: '有効 または 無効（空欄なら今のまま、新規は有効）',
    en: '有効 (active) or 無効 (inactive); empty keeps it',
  }),
} as const;

type Existing = Awaited<ReturnType<typeof listUsersForImport>>[number];

type Context = {
  existing: Map<string, Existing>;
  unitIdByCode: Map<string, string>;
  fileLoginCounts: Map<string, number>;
  actorId: string;
};

const LOGIN_PATTERN = /^[\p{L}\p{N}._@-]{1,100}$/u;
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,60}$/u;

const roleByName = new Map<string, Role>();
for (const role of ROLES) {
  roleByName.set(role, role);
  roleByName.set(roleLabel(role, 'ja'), role);
  roleByName.set(roleLabel(role, 'en').toLowerCase(), role);
}

function grantKey(grant: RoleGrant): string {
  return `${grant.role}:${grant.orgUnitId ?? ''}`;
}

/** Writes roles as the import reads them: 職員、所管部署担当:kodomo. */
export function formatRoles(grants: { role: Role; orgUnitCode: string | null }[]): string {
  return grants
    .map((grant) => `${roleLabel(grant.role, 'ja')}${grant.orgUnitCode ? `:${grant.orgUnitCode}` : ''}`)
    .join('、');
}

function parseRoles(
  text: string,
  orgUnitId: string | null,
  unitIdByCode: Map<string, string>,
  errors: RowError[],
): RoleGrant[] {
  const grants = new Map<string, RoleGrant>();
  for (const item of text
    .normalize('NFKC')
    .split(/[、,;\s]+/u)
    .filter(Boolean)) {
    const [name = '', code, ...rest] = item.split(':');
    const role = roleByName.get(name) ?? roleByName.get(name.toLowerCase());
    if (!role || rest.length > 0) {
      errors.push({
        field: 'roles',
        ja: `役割「${item.slice(0, 40)}」は使えません（例：職員、所管部署担当:kodomo）。`,
        en: `Unknown role ${item.slice(0, 40)}.`,
      });
      continue;
    }
    let unit: string | null = null;
    if (isScopedRole(role)) {
      unit = code ? (unitIdByCode.get(code) ?? null) : orgUnitId;
      if (!unit) {
        errors.push({
          field: 'roles',
          ja: code
            ? `役割「${roleLabel(role)}」の組織コード「${code.slice(0, 40)}」の組織がありません。`
            : `役割「${roleLabel(role)}」には組織が必要です。所属組織コードを入れるか「${roleLabel(role)}:組織コード」と書いてください。`,
          en: code ? `No org unit has the code ${code.slice(0, 40)}.` : `Role ${role} needs an org unit.`,
        });
        continue;
      }
    } else if (code) {
      errors.push({
        field: 'roles',
        ja: `役割「${roleLabel(role)}」には組織を付けられません。`,
        en: `Role ${role} takes no org unit.`,
      });
      continue;
    }
    const grant = { role, orgUnitId: unit };
    grants.set(grantKey(grant), grant);
  }
  return [...grants.values()];
}

function sameGrants(left: RoleGrant[], right: RoleGrant[]): boolean {
  const keys = new Set(left.map(grantKey));
  return left.length === right.length && right.every((grant) => keys.has(grantKey(grant)));
}

/** 利用者: accounts by login, with org unit and roles; passwords are never imported. */
export const userImport: ImportKind<Context, UserImportValues> = {
  kind: 'users',
  label: { ja: '利用者', en: 'Users' },
  fields: Object.values(FIELDS),
  canImport: (user) => hasRole(user, 'system_admin'),

  async loadContext(db, rows, options) {
    const existing = new Map((await listUsersForImport(db)).map((user) => [user.login.toLowerCase(), user]));
    const unitIdByCode = new Map((await listOrgUnitCodes(db)).map((unit) => [unit.code, unit.id]));
    const fileLoginCounts = new Map<string, number>();
    for (const row of rows) {
      const login = (row.login ?? '').normalize('NFKC').trim().toLowerCase();
      if (login) fileLoginCounts.set(login, (fileLoginCounts.get(login) ?? 0) + 1);
    }
    return { existing, unitIdByCode, fileLoginCounts, actorId: options.actorId };
  },

  checkRow(values, context) {
    const errors: RowError[] = [];
    const login = (values.login ?? '').normalize('NFKC').trim();
    if (!login) errors.push(requiredError(FIELDS.login));
    else if (!LOGIN_PATTERN.test(login)) {
      errors.push({
        field: 'login',
        ja: 'ログインIDには文字・数字と「. _ @ -」だけを使い、100文字までにしてください。',
        en: 'The login may hold letters, digits and . _ @ - only (up to 100).',
      });
    } else if ((context.fileLoginCounts.get(login.toLowerCase()) ?? 0) > 1) {
      errors.push({
        field: 'login',
        ja: `ログインID「${login}」がファイル内で重複しています。`,
        en: `The login ${login} appears more than once in the file.`,
      });
    }
    const existing = login ? context.existing.get(login.toLowerCase()) : undefined;
    const displayName = values.displayName ?? '';
    if (!displayName) errors.push(requiredError(FIELDS.displayName));
    else if (displayName.length > 100) errors.push(tooLongError(FIELDS.displayName, 100));
    if ((values.displayNameKana ?? '').length > 200) errors.push(tooLongError(FIELDS.displayNameKana, 200));
    const email = (values.email ?? '').normalize('NFKC').trim();
    if (email && (email.length > 254 || !EMAIL_PATTERN.test(email))) {
      errors.push({
        field: 'email',
        ja: `メールアドレス「${email.slice(0, 60)}」の形式が正しくありません。`,
        en: 'The e-mail address is not valid.',
      });
    }
    const unitCode = (values.orgUnitCode ?? '').normalize('NFKC').trim();
    let orgUnitId: string | null = null;
    if (unitCode) {
      orgUnitId = context.unitIdByCode.get(unitCode) ?? null;
      if (!orgUnitId) {
        errors.push({
          field: 'orgUnitCode',
          ja: `所属組織コード「${unitCode.slice(0, 60)}」の組織がありません。`,
          en: `No org unit has the code ${unitCode.slice(0, 60)}.`,
        });
      }
    }
    let isActive = existing?.isActive ?? true;
    if (values.isActive) {
      const flag = parseFlag(values.isActive);
      if (flag === null) {
        errors.push({
          field: 'isActive',
          ja: '状態は「有効」か「無効」にしてください。',
          en: 'Status must be 有効 or 無効.',
        });
      } else isActive = flag;
    }
    if (existing && existing.id === context.actorId && !isActive) {
      errors.push({
        field: 'isActive',
        ja: '自分自身を無効にすることはできません。',
        en: 'You cannot deactivate yourself.',
      });
    }
    const roles = values.roles
      ? parseRoles(values.roles, orgUnitId, context.unitIdByCode, errors)
      : existing
        ? null
        : [{ role: 'staff' as const, orgUnitId: null }];
    if (errors.length > 0) return { isValid: false, key: login || null, errors };

    const record: UserImportValues = {
      login,
      displayName,
      displayNameKana: values.displayNameKana || null,
      email: email || null,
      orgUnitId,
      roles,
      isActive,
    };
    if (!existing) return { isValid: true, key: login, action: 'create', record };
    const isSame =
      existing.displayName === record.displayName &&
      (existing.displayNameKana ?? null) === record.displayNameKana &&
      (existing.email ?? null) === record.email &&
      (existing.orgUnitId ?? null) === record.orgUnitId &&
      existing.isActive === record.isActive &&
      (record.roles === null || sameGrants(existing.roles, record.roles));
    return { isValid: true, key: existing.login, action: isSame ? 'unchanged' : 'update', record };
  },

  async commit(tx, records) {
    const creates = records.filter((entry) => entry.action === 'create').map((entry) => entry.record);
    const updates = records.filter((entry) => entry.action === 'update').map((entry) => entry.record);
    const ids = await insertImportedUsers(tx, creates);
    const existing = new Map((await listUsersForImport(tx)).map((user) => [user.login.toLowerCase(), user]));
    const roles = new Map<string, RoleGrant[]>();
    for (const values of creates) roles.set(ids.get(values.login.toLowerCase())!, values.roles ?? []);
    for (const values of updates) {
      const user = existing.get(values.login.toLowerCase())!;
      await updateImportedUser(tx, user.id, values);
      if (values.roles) roles.set(user.id, values.roles);
      // A deactivated person is signed out everywhere at once.
      if (user.isActive && !values.isActive) await deleteSessionsOfUser(tx, user.id);
    }
    await replaceRolesOfMany(tx, roles);
    return { created: creates.length, updated: updates.length };
  },

  async exportRows(db) {
    return (await listUsersForImport(db)).map((user) => ({
      login: user.login,
      displayName: user.displayName,
      displayNameKana: user.displayNameKana ?? '',
      email: user.email ?? '',
      orgUnitCode: user.orgUnitCode ?? '',
      roles: formatRoles(user.roles),
      isActive: user.isActive ? '有効' : '無効',
    }));
  },
};
