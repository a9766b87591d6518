import { randomUUID } from 'node:crypto';
import { materialPublicationBlock } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import { deleteAttachment, storeAttachment } from '../attachments/index.ts';
import {
  deleteMaterialRow,
  findMaterial,
  insertMaterial,
  lockMaterial,
  nextMaterialPosition,
  updateMaterialRow,
} from './materials.queries.ts';
import { bumpAgendaVersion, lockAgendaItem, lockMeeting } from './meetings.queries.ts';
import { assertMeetingPublishable } from './publication-rules.ts';

/** Material files are attachments owned by the material. */
export const MATERIAL_OWNER_TYPE = 'meeting_material';

/** An uploaded file before it is checked: its name as sent and its bytes. */
export type UploadedFile = { fileName: string; bytes: Uint8Array };

/** Adds a material (資料) to an agenda item; its number follows from the agenda order. */
export async function uploadMaterial(
  tx: Transaction,
  options: {
    meetingId: string;
    agendaItemId: string;
    title: string | undefined;
    isRedactionRequired: boolean;
    file: UploadedFile;
    limitBytes: number;
    actor: Actor;
  },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const item = await lockAgendaItem(tx, meeting.id, options.agendaItemId);
  if (!item) throw notFound();
  const id = randomUUID();
  // The attachment feature checks size, content type and name before it writes anything.
  const file = await storeAttachment(tx, {
    ownerType: MATERIAL_OWNER_TYPE,
    ownerId: id,
    fileName: options.file.fileName,
    title: options.title ?? '',
    bytes: options.file.bytes,
    limitBytes: options.limitBytes,
    actor: options.actor,
  });
  const title = options.title ?? file.fileName.replace(/\.[^.]+$/, '');
  await insertMaterial(tx, {
    id,
    meetingId: meeting.id,
    agendaItemId: item.id,
    position: await nextMaterialPosition(tx, item.id),
    title,
    fileId: file.id,
    isRedactionRequired: options.isRedactionRequired,
    createdBy: options.actor.userId,
  });
  await bumpAgendaVersion(tx, meeting.id, meeting.agendaVersion);
  await recordAudit(tx, options.actor, {
    action: 'material.upload',
    entityType: 'material',
    entityId: id,
    after: {
      meetingId: meeting.id,
      agendaItemId: item.id,
      title,
      isRedactionRequired: options.isRedactionRequired,
      fileId: file.id,
    },
  });
  return (await findMaterial(tx, meeting.id, id))!;
}

/** Stores the redacted (黒塗り済み) file of a material, replacing an earlier one (If-Match). */
export async function attachRedactedFile(
  tx: Transaction,
  options: {
    meetingId: string;
    materialId: string;
    expectedVersion: number;
    file: UploadedFile;
    limitBytes: number;
    actor: Actor;
  },
) {
  const material = await lockMaterial(tx, options.meetingId, options.materialId);
  if (!material) throw notFound();
  assertVersion(options.expectedVersion, material.version);
  const file = await storeAttachment(tx, {
    ownerType: MATERIAL_OWNER_TYPE,
    ownerId: material.id,
    fileName: options.file.fileName,
    title: '黒塗り版',
    bytes: options.file.bytes,
    limitBytes: options.limitBytes,
    actor: options.actor,
  });
  await updateMaterialRow(tx, material.id, material.version, { redactedFileId: file.id });
  if (material.redactedFileId) {
    await deleteAttachment(tx, {
      ownerType: MATERIAL_OWNER_TYPE,
      ownerId: material.id,
      attachmentId: material.redactedFileId,
      actor: options.actor,
    });
  }
  await recordAudit(tx, options.actor, {
    action: 'material.attach_redacted',
    entityType: 'material',
    entityId: material.id,
    before: { redactedFileId: material.redactedFileId },
    after: { redactedFileId: file.id },
  });
  return (await findMaterial(tx, material.meetingId, material.id))!;
}

export type MaterialChanges = { title?: string; isRedactionRequired?: boolean; isPublished?: boolean };

/**
 * Changes a material's title, redaction flag or publication (If-Match). A material marked for
 * redaction is published only with its redacted file; nothing of a closed meeting is published.
 */
export async function updateMaterial(
  tx: Transaction,
  options: {
    meetingId: string;
    materialId: string;
    expectedVersion: number;
    changes: MaterialChanges;
    actor: Actor;
    /** When it is published; the demo data set replays 2024 dates. */
    now?: Date;
  },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const before = await lockMaterial(tx, meeting.id, options.materialId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  const isRedactionRequired = options.changes.isRedactionRequired ?? before.isRedactionRequired;
  const isPublished = options.changes.isPublished ?? before.isPublished;
  if (
    isPublished &&
    materialPublicationBlock({ isRedactionRequired, hasRedactedFile: before.redactedFileId !== null })
  ) {
    throw new AppError('redacted_file_required');
  }
  if (isPublished && !before.isPublished) assertMeetingPublishable(meeting);
  await updateMaterialRow(tx, before.id, before.version, {
    ...(options.changes.title !== undefined ? { title: options.changes.title } : {}),
    isRedactionRequired,
    isPublished,
    publishedAt: isPublished ? (before.isPublished ? before.publishedAt : (options.now ?? new Date())) : null,
  });
  const after = (await findMaterial(tx, meeting.id, before.id))!;
  const action =
    isPublished !== before.isPublished
      ? isPublished
        ? 'material.publish'
        : 'material.unpublish'
      : 'material.update';
  await recordAudit(tx, options.actor, {
    action,
    entityType: 'material',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

/** Removes a material and its files (If-Match); a published one must be withdrawn first. */
export async function removeMaterial(
  tx: Transaction,
  options: { meetingId: string; materialId: string; expectedVersion: number; actor: Actor },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const before = await lockMaterial(tx, meeting.id, options.materialId);
  if (!before) throw notFound();
  assertVersion(options.expectedVersion, before.version);
  if (before.isPublished) {
    throw new AppError('conflict', {
      messages: {
        ja: '公開中の資料は削除できません。先に公開を取り消してください。',
        en: 'A published material cannot be removed. Withdraw it first.',
      },
    });
  }
  await deleteMaterialRow(tx, before.id);
  for (const attachmentId of [before.fileId, ...(before.redactedFileId ? [before.redactedFileId] : [])]) {
    await deleteAttachment(tx, {
      ownerType: MATERIAL_OWNER_TYPE,
      ownerId: before.id,
      attachmentId,
      actor: options.actor,
    });
  }
  await bumpAgendaVersion(tx, meeting.id, meeting.agendaVersion);
  await recordAudit(tx, options.actor, {
    action: 'material.delete',
    entityType: 'material',
    entityId: before.id,
    before,
  });
}
