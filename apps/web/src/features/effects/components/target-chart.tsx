import { useId } from 'react';
import { useLanguage } from '@/lib/i18n/i18n-provider';
import { useEffectText } from '../messages';
import type { Ledger } from '../types';
import { chartGeometry, chartYears } from '../utils/chart';
import { formatYen, parseYenText } from '../utils/yen';

/**
 * The ledger against its target as an inline SVG: a stacked bar per year (実績 solid, 見込み hatched,
 * so they differ by more than colour), the cumulative line with its points, and the target line.
 * The chart is an image with a title and description; the table beside it gives the figures.
 */
export function TargetChart({ ledger }: { ledger: Ledger }) {
  const text = useEffectText();
  const { language } = useLanguage();
  const id = useId().replace(/:/g, '');
  const geometry = chartGeometry(chartYears(ledger.byYear), parseYenText(ledger.target.amount));
  const { plot } = geometry;
  const oku = (value: bigint) => formatYen(value, { unit: 'oku', language });
  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        className="h-auto w-full max-w-4xl"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{text('chartCaption', { target: ledger.target.name })}</title>
        <desc id={`${id}-desc`}>{text('chartDescription')}</desc>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" fill="#e8f1fe" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#0031d8" strokeWidth="3" />
          </pattern>
        </defs>
        {geometry.ticks.map((tick) => (
          <g key={tick.value.toString()}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#d9d9d9" strokeWidth="1" />
            <text x={plot.left - 8} y={tick.y + 5} textAnchor="end" fontSize="13" fill="#333">
              {oku(tick.value)}
            </text>
          </g>
        ))}
        {geometry.bars.map((bar) => (
          <g key={bar.fiscalYear}>
            <rect x={bar.x} y={bar.actual.y} width={bar.width} height={bar.actual.height} fill="#0031d8" />
            <rect
              x={bar.x}
              y={bar.planned.y}
              width={bar.width}
              height={bar.planned.height}
              fill={`url(#${id}-hatch)`}
              stroke="#0031d8"
              strokeWidth="1.5"
            />
            <text
              x={bar.x + bar.width / 2}
              y={plot.bottom + 22}
              textAnchor="middle"
              fontSize="14"
              fill="#1a1a1a"
            >
              {language === 'ja' ? bar.label : `FY${bar.fiscalYear}`}
            </text>
          </g>
        ))}
        <line
          x1={plot.left}
          x2={plot.right}
          y1={geometry.targetY}
          y2={geometry.targetY}
          stroke="#ec0000"
          strokeWidth="2"
          strokeDasharray="8 4"
        />
        <text x={plot.right} y={geometry.targetY - 6} textAnchor="end" fontSize="13" fill="#b00">
          {text('legendTarget')} {oku(parseYenText(ledger.target.amount))}
        </text>
        <polyline
          points={geometry.line.map((point) => `${point.x},${point.y}`).join(' ')}
          fill="none"
          stroke="#1a1a1a"
          strokeWidth="2.5"
        />
        {geometry.line.map((point) => (
          <rect key={point.x} x={point.x - 5} y={point.y - 5} width="10" height="10" fill="#1a1a1a" />
        ))}
        <line
          x1={plot.left}
          x2={plot.right}
          y1={plot.bottom}
          y2={plot.bottom}
          stroke="#1a1a1a"
          strokeWidth="1.5"
        />
      </svg>
      <figcaption className="flex flex-wrap gap-x-6 gap-y-2 text-std-16N-170" aria-hidden="true">
        <span className="flex items-center gap-2">
          <span className="inline-block size-4 bg-blue-900" /> {text('legendActual')}
        </span>
        <span className="flex items-center gap-2">
          <svg width="16" height="16" aria-hidden="true">
            <rect width="16" height="16" fill={`url(#${id}-hatch)`} stroke="#0031d8" />
          </svg>
          {text('legendPlanned')}
        </span>
        <span className="flex items-center gap-2">
          <span className="inline-block h-1 w-6 bg-solid-gray-900" />■ {text('legendCumulative')}
        </span>
        <span className="flex items-center gap-2">
          <span className="inline-block w-6 border-t-2 border-dashed border-error-1" /> {text('legendTarget')}
        </span>
      </figcaption>
    </figure>
  );
}
