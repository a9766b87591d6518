export type ActionStatus = 'open' | 'in_progress' | 'reported' | 'closed';
export type DueState = 'overdue' | 'due_soon' | 'not_due' | 'done';

/** A tracked action (指示事項) as `GET /api/v1/actions` lists it. */
export type Action = {
  id: string;
  meeting: { id: string; title: string; sequence: number; fiscalYear: number };
  agendaItem: { id: string; title: string };
  body: string;
  owner: { id: string; name: string };
  dueDate: string;
  dueState: DueState;
  status: ActionStatus;
  statusLabel: string;
  closedAtMeeting: { id: string; title: string } | null;
  closedAt: string | null;
  version: number;
};

export type ActionDetail = Action & {
  updates: {
    id: string;
    body: string;
    fromStatus: ActionStatus;
    toStatus: ActionStatus;
    reviewedAtMeeting: { id: string; title: string } | null;
    authorName: string | null;
    createdAt: string;
  }[];
  nextStatuses: ActionStatus[];
  canReport: boolean;
  canEdit: boolean;
};

export type ActionsSearch = {
  owner?: 'all' | undefined;
  status?: 'open' | 'closed' | undefined;
  overdue?: true | undefined;
};

/** Reads the list's URL search parameters; anything unexpected is dropped. */
export function validateActionsSearch(search: Record<string, unknown>): ActionsSearch {
  return {
    owner: search.owner === 'all' ? 'all' : undefined,
    status: search.status === 'open' || search.status === 'closed' ? search.status : undefined,
    overdue: search.overdue === true || search.overdue === 'true' ? true : undefined,
  };
}
