import type { Role } from '@/types/api';

export type RoleAssignment = { role: Role; orgUnitId: string | null };

/** A user as `GET /api/v1/users` lists it. */
export type User = {
  id: string;
  login: string;
  displayName: string;
  displayNameKana: string | null;
  email: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  isActive: boolean;
  roles: RoleAssignment[];
  version: number;
};

/** The list's filters and page, as kept in the URL. */
export type UserSearch = {
  q?: string | undefined;
  orgUnitId?: string | undefined;
  role?: Role | undefined;
  active?: 'true' | 'false' | undefined;
  page?: number | undefined;
};

export type CreateUserInput = {
  login: string;
  displayName: string;
  displayNameKana?: string | null;
  email?: string | null;
  orgUnitId?: string | null;
  password: string;
  roles: RoleAssignment[];
};

export type UserChanges = {
  displayName?: string;
  displayNameKana?: string | null;
  email?: string | null;
  orgUnitId?: string | null;
  isActive?: boolean;
  roles?: RoleAssignment[];
  password?: string;
};
