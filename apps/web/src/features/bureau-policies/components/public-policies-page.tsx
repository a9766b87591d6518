import { Link } from '@tanstack/react-router';
import { FiscalYearSelect } from '@/components/fiscal-year-select';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { QueryError } from '@/components/ui/query-error';
import { currentFiscalYear, useFiscalYears } from '@/features/fiscal-years/api/get-fiscal-years';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { usePublicPolicies, usePublicPolicy } from '../api/bureau-policies';
import { usePolicyText } from '../messages';
import { PolicyContent } from './policy-content';

/** The public list of published 局区X方針 of a year (no sign-in). */
export function PublicPoliciesPage({
  fiscalYear,
  onYearChange,
}: {
  fiscalYear?: number | undefined;
  onYearChange: (year: number) => void;
}) {
  const text = usePolicyText();
  const { language } = useLanguage();
  const fiscalYears = useFiscalYears();
  const year = fiscalYear ?? (fiscalYears.data ? currentFiscalYear(fiscalYears.data.items)?.year : undefined);
  const policies = usePublicPolicies(year);
  useDocumentTitle(text('publicTitle'));
  return (
    <div className="flex flex-col gap-6">
      <PageHeading lead={text('publicLead')}>{text('publicTitle')}</PageHeading>
      {fiscalYears.data && year !== undefined ? (
        <FiscalYearSelect fiscalYears={fiscalYears.data.items} value={year} onChange={onYearChange} />
      ) : null}
      {policies.isPending ? <Loading /> : null}
      {policies.isError ? (
        <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
      ) : null}
      {policies.data?.items.length === 0 ? <p>{text('publicEmpty')}</p> : null}
      <ul className="flex flex-col gap-4">
        {policies.data?.items.map((policy) => (
          <li key={policy.id} className="rounded-8 border border-solid-gray-420 p-4">
            <p className="text-std-16N-170 text-solid-gray-700" lang="ja">
              {policy.orgUnit.name}
            </p>
            <p className="text-std-20B-150" lang="ja">
              <Link to="/public/policies/$policyId" params={{ policyId: policy.id }} className="link">
                {policy.title}
              </Link>
            </p>
            <p className="text-dns-14N-130 text-solid-gray-700">
              {text('versionLabel', { number: policy.versionNumber })}
              {policy.publishedAt
                ? `・${text('publishedOn', { date: formatDate(policy.publishedAt, language, { weekday: false }) })}`
                : ''}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The published version of one policy (no sign-in). */
export function PublicPolicyPage({ policyId }: { policyId: string }) {
  const text = usePolicyText();
  const { language } = useLanguage();
  const query = usePublicPolicy(policyId);
  useDocumentTitle(query.data?.title ?? text('publicTitle'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error, 404)) return <Alert tone="info" title={text('publicNotFound')} />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const policy = query.data;
  return (
    <div className="flex flex-col gap-8">
      <PageHeading
        lead={
          <span lang="ja">
            {policy.orgUnit.name}・{text('versionLabel', { number: policy.versionNumber })}
            {policy.publishedAt
              ? `・${text('publishedOn', { date: formatDate(policy.publishedAt, language, { weekday: false }) })}`
              : ''}
          </span>
        }
      >
        <span lang="ja">{policy.title}</span>
      </PageHeading>
      <p>
        <Link to="/public/policies" search={{ fy: policy.fiscalYear }} className="link">
          {text('publicTitle')}
        </Link>
      </p>
      <PolicyContent content={policy} title={policy.title} />
    </div>
  );
}
