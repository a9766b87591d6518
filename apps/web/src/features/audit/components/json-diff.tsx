import { useState } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { useT } from '@/lib/i18n/i18n-provider';
import { type DiffChange, diffJson } from '../utils/diff-json';

const changeStyles: Record<DiffChange, string> = {
  added: 'bg-green-50',
  removed: 'bg-red-50',
  changed: 'bg-yellow-50',
  unchanged: '',
};

/**
 * Before and after of a change, field by field, with the kind of change written out (colour
 * only repeats it). Unchanged fields are hidden unless asked for.
 */
export function JsonDiff({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const t = useT();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffJson(before, after);
  const changed = rows.filter((row) => row.change !== 'unchanged');
  const shown = showUnchanged ? rows : changed;
  const unchangedCount = rows.length - changed.length;
  if (rows.length === 0)
    return <p className="text-std-16N-170 text-solid-gray-700">{t('audit.diff.empty')}</p>;
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-dns-14N-130">
          <caption className="mb-1 text-left text-dns-14B-130 text-solid-gray-800">{caption}</caption>
          <thead>
            <tr className="border-b border-solid-gray-600">
              <th scope="col" className="px-2 py-1.5">
                {t('audit.diff.field')}
              </th>
              <th scope="col" className="px-2 py-1.5">
                {t('audit.diff.change')}
              </th>
              <th scope="col" className="px-2 py-1.5">
                {t('audit.diff.before')}
              </th>
              <th scope="col" className="px-2 py-1.5">
                {t('audit.diff.after')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-2 py-1.5">
                  {t('audit.diff.noChanges')}
                </td>
              </tr>
            ) : (
              shown.map((row) => (
                <tr
                  key={row.path}
                  className={`border-b border-solid-gray-200 align-top ${changeStyles[row.change]}`}
                >
                  <th scope="row" className="px-2 py-1.5 font-mono font-normal">
                    {row.path}
                  </th>
                  <td className="px-2 py-1.5 whitespace-nowrap">{t(`audit.diff.${row.change}`)}</td>
                  <td className="px-2 py-1.5 font-mono break-all whitespace-pre-wrap">
                    {row.before === undefined ? (
                      '—'
                    ) : row.change === 'unchanged' ? (
                      row.before
                    ) : (
                      <del>{row.before}</del>
                    )}
                  </td>
                  <td className="px-2 py-1.5 font-mono break-all whitespace-pre-wrap">
                    {row.after === undefined ? (
                      '—'
                    ) : row.change === 'unchanged' ? (
                      row.after
                    ) : (
                      <ins>{row.after}</ins>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {unchangedCount > 0 ? (
        <CheckboxField
          label={t('audit.diff.showUnchanged', { count: unchangedCount })}
          checked={showUnchanged}
          onChange={(event) => setShowUnchanged(event.target.checked)}
        />
      ) : null}
    </div>
  );
}
