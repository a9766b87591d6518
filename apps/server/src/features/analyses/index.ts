export { analysisPolicy } from './analyses.policy.ts';
export { lockAnalysis, updateAnalysisRow } from './analyses.queries.ts';
export { listIndicators, replaceIndicatorValues } from './analysis-figures.queries.ts';
export { accessFor, coveredOrgUnits } from './analysis-ownership.ts';
export { benchmarkValueErrors } from './benchmark-values.ts';
export { findPrintableReport, listAnalysisDuesOfYear, sumAnalysisEffectsOfYear } from './progress.queries.ts';
