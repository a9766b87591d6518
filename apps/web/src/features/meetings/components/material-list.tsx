import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { updateMaterial } from '../api/materials';
import { useMeetingMutation } from '../api/use-meeting-mutation';
import { useMeetingText } from '../messages';
import type { Material } from '../types';
import { formatFileSize } from '../utils/format-size';
import { FormError } from './form-error';
import { RedactedFileForm } from './material-upload-form';

type MaterialListProps = {
  meetingId: string;
  materials: Material[];
  canPublish: boolean;
  canEdit: boolean;
};

/** 資料n with download links, publication and redaction marks; the office publishes or withdraws. */
export function MaterialList({ meetingId, materials, canPublish, canEdit }: MaterialListProps) {
  const mt = useMeetingText();
  const publish = useMeetingMutation(updateMaterial);
  if (materials.length === 0)
    return <p className="text-std-16N-170 text-solid-gray-700">{mt('meeting.noMaterials')}</p>;
  return (
    <div className="flex flex-col gap-3">
      <FormError error={publish.error} />
      <ul className="flex flex-col gap-3">
        {materials.map((material) => (
          <li key={material.id} className="rounded-8 border border-solid-gray-200 px-4 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-std-16B-170">{material.label}</span>
              <span lang="ja">{material.title}</span>
              {material.isPublished ? (
                <Badge tone="info">{mt('meeting.published')}</Badge>
              ) : (
                <Badge tone="inactive">{mt('meeting.unpublished')}</Badge>
              )}
              {material.isRedactionRequired ? (
                <Badge tone="neutral">
                  {material.hasRedactedFile ? mt('meeting.redaction') : `⚠ ${mt('meeting.redactionMissing')}`}
                </Badge>
              ) : null}
            </div>
            <div
              className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-std-16N-170"
              data-print-hide
            >
              {material.downloadUrl ? (
                <a className="link" href={material.downloadUrl}>
                  {mt('meeting.download')}（{material.fileName}, {formatFileSize(material.byteSize)}）
                </a>
              ) : null}
              {material.redactedDownloadUrl ? (
                <a className="link" href={material.redactedDownloadUrl}>
                  {mt('meeting.downloadRedacted')}
                </a>
              ) : null}
              {canPublish ? (
                <Button
                  variant="secondary"
                  size="xs"
                  aria-disabled={publish.isPending || undefined}
                  onClick={() => {
                    if (!publish.isPending) {
                      publish.mutate({
                        meetingId,
                        material,
                        changes: { isPublished: !material.isPublished },
                      });
                    }
                  }}
                >
                  {material.isPublished ? mt('meeting.unpublish') : mt('meeting.publish')}
                  <span className="sr-only">（{material.label}）</span>
                </Button>
              ) : null}
            </div>
            {canEdit && material.isRedactionRequired ? (
              <RedactedFileForm meetingId={meetingId} material={material} />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
