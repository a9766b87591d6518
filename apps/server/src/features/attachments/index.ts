export { attachmentDownloadResponse, attachmentUploadBody, readUploadedFile } from './attachment-http.ts';
export { attachmentSchema, presentAttachment } from './attachments.presenter.ts';
export { findAttachment, listAttachments, readAttachmentContent } from './attachments.queries.ts';
export { deleteAttachment } from './delete-attachment.ts';
export { attachmentContentDisposition, cleanFileName } from './file-names.ts';
export { ACCEPTED_FILE_KINDS, checkUploadedFile, sniffFileKind } from './sniff-content-type.ts';
export { fileTooLarge, storeAttachment } from './store-attachment.ts';
