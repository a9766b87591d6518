import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useIssues } from '../api/issues';
import { usePlatinumText } from '../messages';
import { IssueTable } from './issue-list';

/** The bureau's inbox: issues sent to the viewer's bureau or ward, with due dates. */
export function AssignedPage() {
  const text = usePlatinumText();
  const issues = useIssues({ assignedToMe: true });
  useDocumentTitle(text('assigned'));
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('assignedLead')}>{text('assigned')}</PageHeading>
      {issues.isPending ? <Loading /> : null}
      {issues.isError ? <QueryError error={issues.error} onRetry={() => void issues.refetch()} /> : null}
      {issues.data?.items.length === 0 ? <p>{text('noAssigned')}</p> : null}
      {issues.data && issues.data.items.length > 0 ? (
        <IssueTable issues={issues.data.items} caption={text('assigned')} />
      ) : null}
    </div>
  );
}
