import { Button } from '@/components/ui/button';
import { useErrorText } from '@/lib/errors';
import { useToggleSupport } from '../api/ideas';
import { usePlatinumText } from '../messages';

/**
 * 賛同 as a toggle button (aria-pressed), labelled with the idea's title so a list of them reads
 * well; double clicks are harmless, the server counts one support per person.
 */
export function SupportButton({
  idea,
}: {
  idea: { id: string; title: string; isSupportedByViewer: boolean; isMine: boolean; supportCount: number };
}) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const toggle = useToggleSupport();
  if (idea.isMine) return <span className="text-dns-14N-130 text-solid-gray-700">{text('ownIdea')}</span>;
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant={idea.isSupportedByViewer ? 'secondary' : 'primary'}
        aria-pressed={idea.isSupportedByViewer}
        aria-disabled={toggle.isPending || undefined}
        onClick={() => {
          if (!toggle.isPending) toggle.mutate({ id: idea.id, isSupported: idea.isSupportedByViewer });
        }}
      >
        {idea.isSupportedByViewer ? text('supported') : text('support')}
        <span className="sr-only">{text('supportTarget', { title: idea.title })}</span>
      </Button>
      {toggle.isError ? (
        <p role="alert" className="text-dns-14N-130 text-error-2">
          {errorText(toggle.error)}
        </p>
      ) : null}
    </div>
  );
}
