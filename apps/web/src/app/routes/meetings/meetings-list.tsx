import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FiscalYearSelect, fiscalYearLabel } from '@/components/fiscal-year-select';
import { Button, buttonClassName } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useMeetings } from '@/features/meetings/api/get-meetings';
import { CalendarFeedPanel } from '@/features/meetings/components/calendar-feed-panel';
import { CreateMeetingDialog } from '@/features/meetings/components/create-meeting-dialog';
import { MeetingsTable } from '@/features/meetings/components/meetings-table';
import { useMeetingText } from '@/features/meetings/messages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { hasAnyRole } from '@/lib/authorization';
import { useLanguage } from '@/lib/i18n/i18n-provider';

const routeApi = getRouteApi('/authenticated/meetings');

/** X会議: the meetings of a fiscal year, a way to add one (reform office) and calendar feeds. */
export function MeetingsListRoute() {
  const mt = useMeetingText();
  const { language } = useLanguage();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const { me } = routeApi.useRouteContext();
  const fiscalYears = useFiscalYears();
  const year = search.fy ?? (fiscalYears.data ? currentFiscalYear(fiscalYears.data.items)?.year : undefined);
  const meetings = useMeetings({ fiscalYear: year });
  const [isCreating, setIsCreating] = useState(false);
  useDocumentTitle(mt('list.title'));
  const canManage = hasAnyRole(me, ['reform_office']);
  const yearItem = fiscalYears.data?.items.find((item) => item.year === year);
  const yearLabel =
    year === undefined ? '' : fiscalYearLabel(yearItem ?? { year, label: '', isCurrent: false }, language);

  const renderBody = () => {
    if (fiscalYears.isError)
      return <QueryError error={fiscalYears.error} onRetry={() => void fiscalYears.refetch()} />;
    if (meetings.isError)
      return <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />;
    if (year === undefined || !meetings.data) return <Loading />;
    const items = meetings.data.items;
    return (
      <>
        <MeetingsTable meetings={items} caption={mt('list.caption', { year: yearLabel })} />
        {canManage ? (
          <CreateMeetingDialog
            open={isCreating}
            fiscalYear={year}
            nextSequence={items.reduce((max, item) => Math.max(max, item.sequence + 1), 0)}
            onClose={() => setIsCreating(false)}
          />
        ) : null}
        <CalendarFeedPanel fiscalYear={year} />
      </>
    );
  };

  return (
    <>
      <PageHeading lead={mt('list.lead')}>{mt('list.title')}</PageHeading>
      <div className="mb-8 flex flex-wrap items-end gap-4">
        {fiscalYears.data && year !== undefined ? (
          <FiscalYearSelect
            fiscalYears={fiscalYears.data.items}
            value={year}
            onChange={(next) => void navigate({ search: { fy: next } })}
          />
        ) : null}
        <Link to={paths.actions.path} className={buttonClassName('secondary', 'sm')}>
          {mt('list.myActions')}
        </Link>
        {canManage ? (
          <Button size="sm" onClick={() => setIsCreating(true)}>
            {mt('list.add')}
          </Button>
        ) : null}
      </div>
      {renderBody()}
    </>
  );
}
