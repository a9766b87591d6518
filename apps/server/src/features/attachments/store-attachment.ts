import { createHash } from 'node:crypto';
import type { Transaction } from '../../db/client.ts';
import { type Actor, recordAudit } from '../../lib/audit.ts';
import { AppError } from '../../lib/errors.ts';
import { findAttachment, insertAttachment } from './attachments.queries.ts';
import { cleanFileName } from './file-names.ts';
import { ACCEPTED_FILE_KINDS, checkUploadedFile } from './sniff-content-type.ts';

const ACCEPTED_EXTENSIONS = [
  ...new Set(Object.values(ACCEPTED_FILE_KINDS).flatMap((kind) => kind.extensions)),
]
  .map((extension) => `.${extension}`)
  .join(' ');

/** 413 for a file over the configured limit, saying what the limit is. */
export function fileTooLarge(limitBytes: number): AppError {
  const megabytes = Math.floor(limitBytes / (1024 * 1024));
  return new AppError('payload_too_large', {
    messages: {
      ja: `ファイルが大きすぎます。${megabytes}MB 以下のファイルを添付してください。`,
      en: `The file is too large. Attach files of ${megabytes} MB or less.`,
    },
  });
}

/**
 * Stores an uploaded file against a record after checking its size and that its content is what
 * its name says; the check refuses before anything is written.
 */
export async function storeAttachment(
  tx: Transaction,
  options: {
    ownerType: string;
    ownerId: string;
    fileName: string;
    title: string;
    bytes: Uint8Array;
    limitBytes: number;
    actor: Actor;
  },
) {
  if (options.bytes.byteLength > options.limitBytes) throw fileTooLarge(options.limitBytes);
  if (options.bytes.byteLength === 0) {
    throw new AppError('validation_failed', {
      messages: { ja: 'ファイルが空です。', en: 'The file is empty.' },
    });
  }
  const fileName = cleanFileName(options.fileName);
  if (!fileName) {
    throw new AppError('validation_failed', {
      messages: { ja: 'ファイル名がありません。', en: 'The file has no name.' },
    });
  }
  const checked = checkUploadedFile(options.bytes, fileName);
  if (!checked.ok) {
    throw new AppError('unsupported_media_type', {
      messages:
        checked.reason === 'name_mismatch'
          ? {
              ja: `ファイルの中身が拡張子（${fileName}）と一致しません。正しい形式のファイルを選んでください。`,
              en: `The file's content does not match its name (${fileName}).`,
            }
          : {
              ja: `この形式のファイルは添付できません。添付できる形式: ${ACCEPTED_EXTENSIONS}`,
              en: `Files of this kind cannot be attached. Accepted: ${ACCEPTED_EXTENSIONS}`,
            },
    });
  }
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  const id = await insertAttachment(tx, {
    ownerType: options.ownerType,
    ownerId: options.ownerId,
    fileName,
    contentType: checked.kind.contentType,
    byteSize: options.bytes.byteLength,
    sha256,
    content: Buffer.from(options.bytes.buffer, options.bytes.byteOffset, options.bytes.byteLength),
    title: options.title.trim(),
    uploadedBy: options.actor.userId,
  });
  const stored = (await findAttachment(tx, options.ownerType, options.ownerId, id))!;
  await recordAudit(tx, options.actor, {
    action: 'attachment.create',
    entityType: options.ownerType,
    entityId: options.ownerId,
    after: {
      attachmentId: id,
      fileName,
      contentType: checked.kind.contentType,
      byteSize: stored.byteSize,
      sha256,
    },
  });
  return stored;
}
