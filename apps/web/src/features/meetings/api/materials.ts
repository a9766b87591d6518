import { apiClient } from '@/lib/api-client';
import type { Material } from '../types';
import { sendForm } from './form-request';

const base = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}`;

/** Uploads a material (資料) to an agenda item; the server reads its type from the bytes. */
export function uploadMaterial(input: {
  meetingId: string;
  itemId: string;
  file: File;
  title: string;
  isRedactionRequired: boolean;
}) {
  const form = new FormData();
  form.set('file', input.file);
  if (input.title.trim()) form.set('title', input.title.trim());
  if (input.isRedactionRequired) form.set('isRedactionRequired', 'true');
  return sendForm<Material>(
    'POST',
    `${base(input.meetingId)}/agenda-items/${encodeURIComponent(input.itemId)}/materials`,
    form,
  );
}

/** Uploads the redacted (黒塗り済み) file of a material, guarded by If-Match. */
export function uploadRedactedFile(input: { meetingId: string; material: Material; file: File }) {
  const form = new FormData();
  form.set('file', input.file);
  return sendForm<Material>(
    'PUT',
    `${base(input.meetingId)}/materials/${encodeURIComponent(input.material.id)}/redacted-file`,
    form,
    { 'If-Match': `"${input.material.version}"` },
  );
}

/** Renames, flags for redaction, publishes or withdraws a material, guarded by If-Match. */
export function updateMaterial(input: {
  meetingId: string;
  material: Material;
  changes: { title?: string; isRedactionRequired?: boolean; isPublished?: boolean };
}) {
  return apiClient.patch<Material>(
    `${base(input.meetingId)}/materials/${encodeURIComponent(input.material.id)}`,
    input.changes,
    { headers: { 'If-Match': `"${input.material.version}"` } },
  );
}
