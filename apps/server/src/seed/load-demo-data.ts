import { preciseDate } from '@totonoe/domain';
import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../db/client.ts';
import {
  analyses,
  clusterOwners,
  clusterRevisions,
  clusters,
  fiscalYears,
  meetings,
  orgUnits,
  scheduleItems,
  systemSettings,
  userRoles,
  users,
} from '../db/schema/index.ts';
import { hashPassword } from '../features/auth/passwords.ts';
import { DEMO_EXTENSIONS } from './demo-extensions.ts';
import { DEMO_ORG_UNITS, DEMO_PASSWORD, DEMO_USERS } from './demo-organisation.ts';
import {
  FY2024,
  FY2024_ANALYSIS_TARGETS,
  FY2024_CLUSTERS,
  FY2024_MEETINGS,
  FY2024_SCHEDULE,
} from './fy2024-programme.ts';
import { loadReferenceData } from './load-reference-data.ts';

const DEMO_MARKER = 'demo.fy2024';

/** Extra demo content other features add to the data set; each runs once, inside the same transaction. */
export type DemoExtension = { name: string; load: (tx: Transaction, context: DemoContext) => Promise<void> };

export type DemoContext = {
  orgUnitIdByCode: Map<string, string>;
  userIdByLogin: Map<string, string>;
  clusterIdByNumber: Map<number, string>;
  meetingIdBySequence: Map<number, string>;
  fiscalYear: number;
};

/** True when the demo data set is already in the database. */
export async function isDemoLoaded(db: Database): Promise<boolean> {
  const rows = await db.select().from(systemSettings).where(eq(systemSettings.key, DEMO_MARKER)).limit(1);
  return rows.length > 0;
}

/** Loads the FY2024 data set and the demo organisation in one transaction; a second run does nothing. */
export async function loadDemoData(
  db: Database,
  extensions: DemoExtension[] = DEMO_EXTENSIONS,
): Promise<boolean> {
  await loadReferenceData(db);
  if (await isDemoLoaded(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Re-checked inside the transaction: two processes may start together.
    const marker = await tx
      .insert(systemSettings)
      .values({ key: DEMO_MARKER, value: { loadedAt: new Date().toISOString() } })
      .onConflictDoNothing()
      .returning();
    if (marker.length === 0) return false;
    await tx.insert(fiscalYears).values({ year: FY2024 }).onConflictDoNothing();

    const orgUnitIdByCode = new Map<string, string>();
    for (const [index, unit] of DEMO_ORG_UNITS.entries()) {
      const rows = await tx
        .insert(orgUnits)
        .values({
          code: unit.code,
          name: unit.name,
          nameKana: unit.nameKana,
          nameEn: unit.nameEn,
          level: unit.level,
          parentId: unit.parent ? orgUnitIdByCode.get(unit.parent) : null,
          effectiveFrom: '2024-04-01',
          sortOrder: (index + 1) * 10,
          isDemo: true,
        })
        .returning({ id: orgUnits.id });
      orgUnitIdByCode.set(unit.code, rows[0]!.id);
    }

    const userIdByLogin = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const rows = await tx
        .insert(users)
        .values({
          login: user.login,
          displayName: user.displayName,
          displayNameKana: user.displayNameKana,
          email: `${user.login}@demo.totonoe.invalid`,
          orgUnitId: user.orgUnit ? orgUnitIdByCode.get(user.orgUnit) : null,
          passwordHash,
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      const userId = rows[0]!.id;
      userIdByLogin.set(user.login, userId);
      await tx.insert(userRoles).values(
        user.roles.map((grant) => ({
          userId,
          role: grant.role,
          orgUnitId: grant.orgUnit ? orgUnitIdByCode.get(grant.orgUnit) : null,
        })),
      );
    }

    const clusterIdByNumber = new Map<number, string>();
    for (const seed of FY2024_CLUSTERS) {
      const rows = await tx.insert(clusters).values({}).returning({ id: clusters.id });
      const clusterId = rows[0]!.id;
      clusterIdByNumber.set(seed.number, clusterId);
      await tx.insert(clusterRevisions).values({
        clusterId,
        validFromFiscalYear: FY2024,
        number: seed.number,
        name: seed.name,
        groupCode: seed.group,
        kindCode: seed.kind,
        changeKind: 'created',
      });
      await tx.insert(clusterOwners).values({ clusterId, orgUnitId: orgUnitIdByCode.get(seed.owner)! });
    }

    const meetingIdBySequence = new Map<number, string>();
    for (const meeting of FY2024_MEETINGS) {
      const planned =
        meeting.planned.precision === 'day'
          ? preciseDate('day', meeting.planned.year, meeting.planned.month, meeting.planned.day)
          : preciseDate(meeting.planned.precision, meeting.planned.year, meeting.planned.month);
      const rows = await tx
        .insert(meetings)
        .values({
          fiscalYear: FY2024,
          sequence: meeting.sequence,
          title: meeting.title,
          plannedPrecision: planned.precision,
          plannedStart: planned.start,
          plannedEnd: planned.end,
          actualDate: meeting.isHeld ? planned.start : null,
          isPublic: true,
        })
        .returning({ id: meetings.id });
      meetingIdBySequence.set(meeting.sequence, rows[0]!.id);
      await tx.insert(scheduleItems).values({
        fiscalYear: FY2024,
        lane: 'x_meeting',
        label: meeting.title,
        precision: planned.precision,
        startDate: planned.start,
        endDate: planned.end,
        linkType: 'meeting',
        linkId: rows[0]!.id,
        sortOrder: meeting.sequence,
      });
    }

    for (const [index, item] of FY2024_SCHEDULE.entries()) {
      await tx.insert(scheduleItems).values({
        fiscalYear: FY2024,
        lane: item.lane,
        label: item.label,
        precision: item.precision,
        startDate: item.start,
        endDate: item.end,
        isSpanningYear: item.isSpanningYear ?? false,
        linkType: item.meetingSequence !== undefined ? 'meeting' : null,
        linkId: item.meetingSequence !== undefined ? meetingIdBySequence.get(item.meetingSequence) : null,
        sortOrder: 100 + index,
      });
    }

    const reformContact = userIdByLogin.get('reform');
    for (const target of FY2024_ANALYSIS_TARGETS) {
      const seed = FY2024_CLUSTERS.find((cluster) => cluster.number === target.number)!;
      await tx.insert(analyses).values({
        clusterId: clusterIdByNumber.get(target.number)!,
        fiscalYear: FY2024,
        stage: 'progress_reported',
        leadOrgUnitId: orgUnitIdByCode.get(seed.owner),
        contactUserId: reformContact,
      });
    }

    const context: DemoContext = {
      orgUnitIdByCode,
      userIdByLogin,
      clusterIdByNumber,
      meetingIdBySequence,
      fiscalYear: FY2024,
    };
    for (const extension of extensions) await extension.load(tx, context);
    return true;
  });
}
