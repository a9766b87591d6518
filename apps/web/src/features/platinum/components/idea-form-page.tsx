import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useErrorText, useFieldErrors } from '@/lib/errors';
import { useCampaign } from '../api/campaigns';
import { useSubmitIdea } from '../api/ideas';
import { usePlatinumText } from '../messages';
import type { IdeaInput } from '../types';
import { CampaignNav } from './campaign-nav';
import { IdeaFormFields, missingFields } from './idea-form-fields';
import { SimilarIdeas } from './similar-ideas';

/** アイデアの投稿: the form, with similar ideas listed live beside it. */
export function IdeaFormPage({ campaignId }: { campaignId: string }) {
  const text = usePlatinumText();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const campaign = useCampaign(campaignId);
  const submit = useSubmitIdea();
  const serverErrors = useFieldErrors(submit.error);
  const idPrefix = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [value, setValue] = useState<IdeaInput>({
    theme: 'workstyle',
    title: '',
    problem: '',
    proposal: '',
    expectedEffect: '',
  });
  const [isAnonymous, setIsAnonymous] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  useDocumentTitle(text('formTitle'));

  if (campaign.isPending) return <Loading />;
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const themes = campaign.data.themes;
  const current: IdeaInput = themes.includes(value.theme) ? value : { ...value, theme: themes[0]! };
  const errors = { ...serverErrors, ...localErrors };
  const fieldIds: Record<string, string> = {
    theme: `${idPrefix}-theme`,
    title: `${idPrefix}-title`,
    problem: `${idPrefix}-problem`,
    proposal: `${idPrefix}-proposal`,
    expectedEffect: `${idPrefix}-expectedEffect`,
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.isPending || !campaign.data?.viewer.canSubmit) return;
    const missing = missingFields(current, text('required'));
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    submit.mutate(
      { campaignId, ...current, isAnonymous },
      {
        onSuccess: (idea) => void navigate({ to: '/platinum/ideas/$ideaId', params: { ideaId: idea.id } }),
        onError: () => requestAnimationFrame(() => summaryRef.current?.focus()),
      },
    );
  }

  const summaryErrors = Object.entries(errors)
    .filter(([field]) => field in fieldIds)
    .map(([field, message]) => ({ fieldId: fieldIds[field]!, message }));

  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('formLead')}>{text('formTitle')}</PageHeading>
      <CampaignNav campaign={campaign.data} />
      {!campaign.data.viewer.canSubmit ? <Alert tone="info">{text('submissionClosed')}</Alert> : null}
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
          <ErrorSummary
            ref={summaryRef}
            errors={summaryErrors}
            message={submit.isError && summaryErrors.length === 0 ? errorText(submit.error) : undefined}
          />
          <IdeaFormFields
            value={current}
            onChange={setValue}
            themes={themes}
            errors={errors}
            idPrefix={idPrefix}
          />
          <CheckboxField
            label={text('fieldAnonymous')}
            hint={text('fieldAnonymousHint')}
            checked={isAnonymous}
            onChange={(event) => setIsAnonymous(event.target.checked)}
          />
          <div>
            <Button
              type="submit"
              aria-disabled={submit.isPending || !campaign.data.viewer.canSubmit || undefined}
            >
              {submit.isPending ? text('submitting') : text('submit')}
            </Button>
          </div>
        </form>
        <SimilarIdeas campaignId={campaignId} text={current.title} />
      </div>
    </div>
  );
}
