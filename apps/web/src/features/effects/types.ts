/** The effect ledger as the API sends it (see the server's effects presenter). */

export type LocalizedText = { ja: string; en: string };
export type Amounts = { planned: string; actual: string; total: string };

export type Target = {
  id: string;
  name: string;
  description: string;
  amount: string;
  startFiscalYear: number;
  endFiscalYear: number;
  version: number;
};

export type Ledger = {
  target: Target;
  total: Amounts;
  remaining: string;
  progressPercent: { actual: number; total: number };
  entryCount: number;
  sources: {
    booked: { count: number; amounts: Amounts };
    analysisReports: { count: number; amounts: Amounts };
  };
  analysisLines: AnalysisLedgerLine[];
  byYear: {
    fiscalYear: number;
    label: string;
    amounts: Amounts;
    cumulative: Amounts;
    byCategory: { key: string; label: LocalizedText; amounts: Amounts }[];
  }[];
  byGroup: { key: string | null; label: LocalizedText; amounts: Amounts }[];
  byBureau: { key: string | null; code: string; name: string; amounts: Amounts }[];
  byCategory: { key: string; label: LocalizedText; amounts: Amounts }[];
  byRecurrence: { key: string; label: LocalizedText; amounts: Amounts }[];
};

export type Effect = {
  id: string;
  targetId: string | null;
  title: string;
  fiscalYear: number;
  endFiscalYear: number | null;
  category: 'expenditure_cut' | 'revenue_gain';
  categoryLabel: LocalizedText;
  recurrence: 'one_off' | 'recurring';
  recurrenceLabel: LocalizedText;
  stage: 'planned' | 'actual';
  stageLabel: LocalizedText;
  amount: string;
  basis: string;
  sourceKind: 'initiative' | 'analysis';
  sourceKindLabel: LocalizedText;
  sourceId: string;
  orgUnit: { id: string; code: string; name: string };
  bureau: { id: string; code: string; name: string };
  cluster: { id: string; number: number; name: string; group: string } | null;
  version: number;
};

/** An analysis report's effect line as the ledger shows it (read-only). */
export type AnalysisLedgerLine = {
  analysisId: string;
  analysisFiscalYear: number;
  versionNumber: number;
  cluster: { id: string; number: number; name: string; group: string } | null;
  label: string;
  fiscalYear: number;
  endFiscalYear: number | null;
  category: 'expenditure_cut' | 'revenue_gain';
  categoryLabel: LocalizedText;
  recurrence: 'one_off' | 'recurring';
  recurrenceLabel: LocalizedText;
  stage: 'planned' | 'actual';
  stageLabel: LocalizedText;
  amount: string;
  basis: string;
  orgUnit: { id: string; code: string; name: string } | null;
  bureau: { id: string; code: string; name: string } | null;
  isCounted: boolean;
  notCountedReason: 'booked_in_ledger' | null;
};
