import {
  addDaysToIsoDate,
  type DueReminder,
  dueDateReminder,
  fiscalYearOf,
  initiativeUpdateReminder,
  isoDateOf,
  parseIsoDate,
  REMINDER_REPEAT_COUNT,
  REMINDER_REPEAT_DAYS,
  type Role,
  truncateText,
  waitingReminder,
} from '@totonoe/domain';
import type { Database } from '../../db/client.ts';
import { ancestorsOf, loadOrgUnitTree, type OrgUnitTree } from '../bureau-policies/index.ts';
import { notifyUser } from '../notifications/index.ts';
import {
  claimReminders,
  linkReminderNotification,
  listAnalysesAwaitingBureauHead,
  listOpenActionsDueBetween,
  listOpenInitiatives,
  listRemindedPeople,
  listUndecidedAssignmentsDueBetween,
  listWaitingPolicyVersions,
} from './reminders.queries.ts';

/** What the reminders are about; the notification kind is `reminder.<kind>`. */
export const REMINDER_KINDS = [
  'initiative_update.due_soon',
  'initiative_update.overdue',
  'meeting_action.due_soon',
  'meeting_action.overdue',
  'platinum_assignment.due_soon',
  'platinum_assignment.overdue',
  'bureau_policy.consultation_waiting',
  'bureau_policy.approval_waiting',
  'analysis.approval_waiting',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderSummary = { sent: number; byKind: Partial<Record<ReminderKind, number>> };

type Reminder = {
  kind: ReminderKind;
  subjectId: string;
  remindedFor: string;
  recipientIds: string[];
  titleJa: string;
  titleEn: string;
  link: string;
};

/** Who acts for which unit, by role: people holding a scoped role at a unit or a unit above it. */
class UnitPeople {
  private readonly byUnitAndRole = new Map<string, Set<string>>();
  private readonly reformOfficeByUnit = new Map<string, Set<string>>();

  constructor(
    people: Awaited<ReturnType<typeof listRemindedPeople>>,
    private readonly tree: OrgUnitTree,
  ) {
    for (const grant of people) {
      if (grant.role === 'reform_office') {
        if (grant.orgUnitId) this.add(this.reformOfficeByUnit, grant.orgUnitId, grant.id);
      } else if (grant.roleOrgUnitId) {
        this.add(this.byUnitAndRole, `${grant.roleOrgUnitId}:${grant.role}`, grant.id);
      }
    }
  }

  private add(map: Map<string, Set<string>>, key: string, userId: string) {
    const set = map.get(key) ?? new Set<string>();
    set.add(userId);
    map.set(key, set);
  }

  /** Everyone who acts for the unit in one of the roles (the same rule as `actsFor`). */
  actingFor(orgUnitId: string, roles: readonly Role[]): string[] {
    const found = new Set<string>();
    for (const unitId of ancestorsOf(this.tree, orgUnitId)) {
      for (const role of roles)
        for (const id of this.byUnitAndRole.get(`${unitId}:${role}`) ?? []) found.add(id);
    }
    return [...found];
  }

  /** Who answers a 合議 for the unit: those acting for it, and reform-office members of that very unit. */
  consultingFor(orgUnitId: string): string[] {
    return [
      ...new Set([
        ...this.actingFor(orgUnitId, ['bureau_head', 'department_staff']),
        ...(this.reformOfficeByUnit.get(orgUnitId) ?? []),
      ]),
    ];
  }
}

function japaneseDay(isoDate: string): string {
  const { month, day } = parseIsoDate(isoDate);
  return `${month}月${day}日`;
}

const OWNER_ROLES: readonly Role[] = ['bureau_head', 'department_staff'];
/** How far back an overdue due date can still call for a reminder. */
const OVERDUE_LOOKBACK_DAYS = REMINDER_REPEAT_DAYS * REMINDER_REPEAT_COUNT;

function dueTexts(reminder: DueReminder, ja: string, en: string) {
  return reminder.phase === 'due_soon'
    ? {
        titleJa: `${ja}の期限（${japaneseDay(reminder.dueOn)}）が近づいています。`,
        titleEn: `${en} is due on ${reminder.dueOn}.`,
      }
    : {
        titleJa: `${ja}の期限（${japaneseDay(reminder.dueOn)}）が過ぎています。`,
        titleEn: `${en} was due on ${reminder.dueOn} and is overdue.`,
      };
}

/** Works out every reminder that is due on `today` (who gets what, for which day). */
async function collectReminders(db: Database, today: string): Promise<Reminder[]> {
  const tree = await loadOrgUnitTree(db);
  const people = new UnitPeople(await listRemindedPeople(db), tree);
  const reminders: Reminder[] = [];
  const fiscalYear = fiscalYearOf(today);

  for (const initiative of await listOpenInitiatives(db, [fiscalYear - 1, fiscalYear])) {
    const due = initiativeUpdateReminder({
      status: initiative.status,
      cadence: initiative.updateCadence,
      fiscalYear: initiative.fiscalYear,
      lastUpdateOn: initiative.lastUpdateOn,
      createdOn: isoDateOf(initiative.createdAt),
      today,
    });
    if (!due) continue;
    reminders.push({
      kind: due.phase === 'due_soon' ? 'initiative_update.due_soon' : 'initiative_update.overdue',
      subjectId: initiative.id,
      remindedFor: due.remindedFor,
      recipientIds: people.actingFor(initiative.ownerOrgUnitId, OWNER_ROLES),
      ...dueTexts(
        due,
        `取組「${truncateText(initiative.title, 60)}」の進捗報告`,
        `The progress report on “${truncateText(initiative.title, 60)}”`,
      ),
      link: `/initiatives/${initiative.id}`,
    });
  }

  const from = addDaysToIsoDate(today, -OVERDUE_LOOKBACK_DAYS);
  const to = addDaysToIsoDate(today, 7);
  for (const action of await listOpenActionsDueBetween(db, from, to)) {
    const due = dueDateReminder(action.dueDate, today);
    if (!due) continue;
    reminders.push({
      kind: due.phase === 'due_soon' ? 'meeting_action.due_soon' : 'meeting_action.overdue',
      subjectId: action.id,
      remindedFor: due.remindedFor,
      recipientIds: people.actingFor(action.ownerOrgUnitId, OWNER_ROLES),
      ...dueTexts(
        due,
        `X会議の指示事項「${truncateText(action.body, 60)}」`,
        `The X-meeting instruction “${truncateText(action.body, 60)}”`,
      ),
      link: '/actions',
    });
  }

  for (const assignment of await listUndecidedAssignmentsDueBetween(db, from, to)) {
    const due = assignment.dueOn ? dueDateReminder(assignment.dueOn, today) : null;
    if (!due) continue;
    reminders.push({
      kind: due.phase === 'due_soon' ? 'platinum_assignment.due_soon' : 'platinum_assignment.overdue',
      subjectId: assignment.issueId,
      remindedFor: due.remindedFor,
      recipientIds: people.actingFor(assignment.orgUnitId, OWNER_ROLES),
      ...dueTexts(
        due,
        `プラチナ市役所プロジェクトの課題「${truncateText(assignment.title, 60)}」の解決案の決定`,
        `The decision on the Platinum issue “${truncateText(assignment.title, 60)}”`,
      ),
      link: `/platinum/issues/${assignment.issueId}`,
    });
  }

  for (const version of await listWaitingPolicyVersions(db)) {
    const remindedFor = version.waitingSince ? waitingReminder(isoDateOf(version.waitingSince), today) : null;
    if (!remindedFor) continue;
    const notDrafter = (ids: string[]) => ids.filter((id) => id !== version.drafterId);
    const title = truncateText(version.title, 60);
    if (version.status === 'awaiting_approval') {
      reminders.push({
        kind: 'bureau_policy.approval_waiting',
        subjectId: version.versionId,
        remindedFor,
        recipientIds: notDrafter(people.actingFor(version.orgUnitId, ['bureau_head'])),
        titleJa: `局区X方針「${title}」が決裁を待っています。`,
        titleEn: `The bureau X policy “${title}” is waiting for your approval.`,
        link: `/policies/${version.policyId}`,
      });
    } else {
      const recipients = version.pendingUnitIds.flatMap((unitId) => people.consultingFor(unitId));
      reminders.push({
        kind: 'bureau_policy.consultation_waiting',
        subjectId: version.versionId,
        remindedFor,
        recipientIds: notDrafter([...new Set(recipients)]),
        titleJa: `局区X方針「${title}」が合議を待っています。`,
        titleEn: `The bureau X policy “${title}” is waiting for your unit’s consultation.`,
        link: `/policies/${version.policyId}`,
      });
    }
  }

  for (const analysis of await listAnalysesAwaitingBureauHead(db)) {
    const remindedFor = analysis.submittedAt ? waitingReminder(isoDateOf(analysis.submittedAt), today) : null;
    if (!remindedFor) continue;
    const heads = new Set(
      analysis.owningOrgUnitIds.flatMap((unitId) => people.actingFor(unitId, ['bureau_head'])),
    );
    reminders.push({
      kind: 'analysis.approval_waiting',
      subjectId: analysis.id,
      remindedFor,
      recipientIds: [...heads],
      titleJa: `経営分析「${analysis.number} ${analysis.name}」（${analysis.fiscalYear}年度）の報告書が局長の承認を待っています。`,
      titleEn: `The report of the analysis “${analysis.number} ${analysis.name}” (FY${analysis.fiscalYear}) is waiting for the bureau head’s approval.`,
      link: `/analyses/${analysis.id}`,
    });
  }
  return reminders;
}

/**
 * Sends the reminders due on `today` (Asia/Tokyo) as in-app notifications — and so as e-mail, by
 * each person's mail setting. Each reminder is claimed in reminder_deliveries in the same
 * transaction as its notification, so it goes out once even when several processes run this at
 * the same moment. Nothing is audited: a reminder changes no record.
 */
export async function sendReminders(db: Database, options: { now?: Date } = {}): Promise<ReminderSummary> {
  const today = isoDateOf(options.now ?? new Date());
  const summary: ReminderSummary = { sent: 0, byKind: {} };
  for (const reminder of await collectReminders(db, today)) {
    if (reminder.recipientIds.length === 0) continue;
    // One transaction per reminder: its claims and its notifications commit together.
    const sentTo = await db.transaction(async (tx) => {
      const claimed = await claimReminders(
        tx,
        // Sorted, so two processes claiming the same keys lock them in the same order (no deadlock).
        [...reminder.recipientIds].sort().map((recipientId) => ({
          kind: reminder.kind,
          subjectId: reminder.subjectId,
          recipientId,
          remindedFor: reminder.remindedFor,
        })),
      );
      for (const recipientId of claimed) {
        const notificationId = await notifyUser(tx, recipientId, {
          kind: `reminder.${reminder.kind}`,
          titleJa: reminder.titleJa,
          titleEn: reminder.titleEn,
          link: reminder.link,
        });
        await linkReminderNotification(
          tx,
          {
            kind: reminder.kind,
            subjectId: reminder.subjectId,
            recipientId,
            remindedFor: reminder.remindedFor,
          },
          notificationId,
        );
      }
      return claimed.length;
    });
    if (sentTo > 0) {
      summary.sent += sentTo;
      summary.byKind[reminder.kind] = (summary.byKind[reminder.kind] ?? 0) + sentTo;
    }
  }
  return summary;
}
