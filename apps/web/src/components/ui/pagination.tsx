import { formatCount } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import { Button } from './button';

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label: string;
};

/** "1–20 of 135" and previous/next buttons, in a labelled navigation landmark. */
export function Pagination({ page, pageSize, total, onPageChange, label }: PaginationProps) {
  const t = useT();
  const { language } = useLanguage();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center justify-between gap-4">
      <p className="text-std-16N-170 text-solid-gray-700">
        {t('pagination.range', {
          total: formatCount(total, language),
          first: formatCount(first, language),
          last: formatCount(last, language),
        })}
      </p>
      <div className="flex items-center gap-3">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {t('pagination.previous')}
        </Button>
        <span className="text-std-16N-170">{t('pagination.page', { page, pageCount })}</span>
        <Button
          variant="secondary"
          size="sm"
          disabled={page >= pageCount}
          onClick={() => onPageChange(page + 1)}
        >
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  );
}
