import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { useAnalysisText } from '../messages';

export const ANALYSIS_TABS = [
  'report',
  'benchmarks',
  'effects',
  'versions',
  'comments',
  'files',
  'history',
] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

export type AnalysisPageSearch = {
  tab?: AnalysisTab | undefined;
  from?: number | undefined;
  to?: number | 'current' | undefined;
};

/**
 * Tabs in the WAI-ARIA pattern: one tab stop; arrow keys, Home and End move between tabs and
 * open them; the selected tab is also marked in bold with an underline, not by colour alone.
 */
export function AnalysisTabs({
  tabs,
  selected,
  onSelect,
  children,
}: {
  tabs: readonly AnalysisTab[];
  selected: AnalysisTab;
  onSelect: (tab: AnalysisTab) => void;
  children: ReactNode;
}) {
  const text = useAnalysisText();
  const refs = useRef(new Map<AnalysisTab, HTMLButtonElement>());
  const move = (tab: AnalysisTab) => {
    onSelect(tab);
    refs.current.get(tab)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    move(tabs[target]!);
  };
  return (
    <div className="flex flex-col gap-6">
      <div
        role="tablist"
        aria-label={text('tabsLabel')}
        className="flex flex-wrap gap-1 border-b border-solid-gray-420"
      >
        {tabs.map((tab, index) => {
          const isSelected = tab === selected;
          return (
            <button
              key={tab}
              ref={(element) => {
                if (element) refs.current.set(tab, element);
                else refs.current.delete(tab);
              }}
              type="button"
              role="tab"
              id={`analysis-tab-${tab}`}
              aria-selected={isSelected}
              aria-controls={`analysis-panel-${tab}`}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(tab)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`-mb-px min-h-12 border-b-4 px-4 py-2 text-std-16N-170 hover:bg-blue-50 ${
                isSelected
                  ? 'border-blue-900 font-bold text-blue-1000'
                  : 'border-transparent text-solid-gray-800'
              }`}
            >
              {text(`tab_${tab}`)}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`analysis-panel-${selected}`}
        aria-labelledby={`analysis-tab-${selected}`}
        className="flex flex-col gap-6"
      >
        {children}
      </div>
    </div>
  );
}
