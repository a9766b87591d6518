import { materialPublicationBlock } from '@totonoe/domain';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { assertVersion } from '../../lib/etag.ts';
import type { CheckedFile } from './material-files.ts';
import {
  deleteFiles,
  deleteMaterialRow,
  findMaterial,
  insertFile,
  insertMaterial,
  lockMaterial,
  nextMaterialPosition,
  updateMaterialRow,
} from './materials.queries.ts';
import { bumpAgendaVersion, lockAgendaItem, lockMeeting } from './meetings.queries.ts';
import { assertMeetingPublishable } from './publication-rules.ts';

/** Audit snapshots describe files by name, type, size and hash, never by contents. */
function describeFile(file: CheckedFile) {
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    byteSize: file.byteSize,
    sha256: file.sha256,
  };
}

/** Adds a material (資料) to an agenda item; its number follows from the agenda order. */
export async function uploadMaterial(
  tx: Transaction,
  options: {
    meetingId: string;
    agendaItemId: string;
    title: string | undefined;
    isRedactionRequired: boolean;
    file: CheckedFile;
    actor: Actor;
  },
) {
  const meeting = await lockMeeting(tx, options.meetingId);
  if (!meeting) throw notFound();
  const item = await lockAgendaItem(tx, meeting.id, options.agendaItemId);
  if (!item) throw notFound();
  const fileId = await insertFile(tx, {
    meetingId: meeting.id,
    ...options.file,
    uploadedBy: options.actor.userId,
  });
  const title = options.title ?? options.file.fileName.replace(/\.[^.]+$/, '');
  const id = await insertMaterial(tx, {
    meetingId: meeting.id,
    agendaItemId: item.id,
    position: await nextMaterialPosition(tx, item.id),
    title,
    fileId,
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
      file: describeFile(options.file),
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
    file: CheckedFile;
    actor: Actor;
  },
) {
  const material = await lockMaterial(tx, options.meetingId, options.materialId);
  if (!material) throw notFound();
  assertVersion(options.expectedVersion, material.version);
  const fileId = await insertFile(tx, {
    meetingId: material.meetingId,
    ...options.file,
    uploadedBy: options.actor.userId,
  });
  await updateMaterialRow(tx, material.id, material.version, { redactedFileId: fileId });
  if (material.redactedFileId) await deleteFiles(tx, [material.redactedFileId]);
  await recordAudit(tx, options.actor, {
    action: 'material.attach_redacted',
    entityType: 'material',
    entityId: material.id,
    before: { redactedFileId: material.redactedFileId },
    after: { redactedFileId: fileId, file: describeFile(options.file) },
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
    publishedAt: isPublished ? (before.isPublished ? before.publishedAt : new Date()) : null,
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
  await deleteFiles(tx, [before.fileId, ...(before.redactedFileId ? [before.redactedFileId] : [])]);
  await bumpAgendaVersion(tx, meeting.id, meeting.agendaVersion);
  await recordAudit(tx, options.actor, {
    action: 'material.delete',
    entityType: 'material',
    entityId: before.id,
    before,
  });
}
