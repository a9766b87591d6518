import { Link } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { formatCount } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useDashboardText } from '../messages';
import type { Breakdown, DashboardMetric } from '../types';

type BreakdownChartProps = {
  title: string;
  items: Breakdown[];
  metric: DashboardMetric;
  /** How a category's key becomes the records' key (e.g. `stage:started`). */
  keyOf: (key: string) => string;
  fiscalYear: number;
  orgUnitId?: string | undefined;
  isAvailable?: boolean;
};

const BAR_WIDTH = 240;

/**
 * A breakdown as a small bar chart drawn in SVG (nothing from another host) and, beside it, the
 * same figures as a table whose counts link to the records behind them. The chart is decoration
 * for sighted readers; the table carries the meaning, so colour and length are never the only cue.
 */
export function BreakdownChart({
  title,
  items,
  metric,
  keyOf,
  fiscalYear,
  orgUnitId,
  isAvailable = true,
}: BreakdownChartProps) {
  const text = useDashboardText();
  const { language } = useLanguage();
  const largest = Math.max(1, ...items.map((item) => item.count));
  return (
    <div className="flex flex-col gap-2">
      <table className="w-full border-collapse text-std-16N-170">
        <caption className="mb-1 text-left text-std-17B-170">{title}</caption>
        <tbody>
          {items.map((item) => (
            <tr key={item.key} className="border-b border-solid-gray-200">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {item.label[language]}
              </th>
              <td className="w-[140px] py-1 md:w-[250px]">
                <svg
                  width="100%"
                  height="14"
                  viewBox={`0 0 ${BAR_WIDTH} 14`}
                  preserveAspectRatio="none"
                  focusable="false"
                  aria-hidden="true"
                >
                  <rect x="0" y="2" width={BAR_WIDTH} height="10" fill="#f1f1f4" />
                  <rect
                    x="0"
                    y="2"
                    width={isAvailable ? (item.count / largest) * BAR_WIDTH : 0}
                    height="10"
                    fill="#0031d8"
                  />
                </svg>
              </td>
              <td className="py-1 pl-3 text-right tabular-nums">
                {isAvailable ? (
                  <Link
                    to={paths.progressRecords.path}
                    search={{ fy: fiscalYear, orgUnit: orgUnitId, metric, key: keyOf(item.key) }}
                    className="link"
                  >
                    {formatCount(item.count, language)}
                    <span className="sr-only">
                      {text('recordsOf', { label: item.label[language], count: item.count })}
                    </span>
                  </Link>
                ) : (
                  <span className="text-solid-gray-600">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A figure as a link to its records (or a dash while its stream is not counted yet). */
export function FigureLink({
  count,
  label,
  metric,
  recordKey,
  fiscalYear,
  orgUnitId,
  isAvailable = true,
}: {
  count: number;
  label: string;
  metric: DashboardMetric;
  recordKey: string;
  fiscalYear: number;
  orgUnitId?: string | undefined;
  isAvailable?: boolean;
}) {
  const text = useDashboardText();
  const { language } = useLanguage();
  if (!isAvailable) return <span className="text-solid-gray-600">—</span>;
  return (
    <Link
      to={paths.progressRecords.path}
      search={{ fy: fiscalYear, orgUnit: orgUnitId, metric, key: recordKey }}
      className="link tabular-nums"
    >
      {formatCount(count, language)}
      <span className="sr-only">{text('recordsOf', { label, count })}</span>
    </Link>
  );
}
