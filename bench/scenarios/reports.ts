// Report builds: the progress deck (PowerPoint), its PDF and the workbook, built on request the way
// a person downloads them, timed end to end over HTTP.
import type { Api } from '../lib/api.ts';

export type ReportResult = {
  kind: 'pptx' | 'pdf' | 'xlsx';
  fiscalYear: number;
  status: number;
  /** Each build's time, in the order run. */
  timesMs: number[];
  medianMs: number;
  bytes: number;
  targetMs: number;
};

export const REPORT_TARGETS_MS = { pptx: 2_000, pdf: 5_000, xlsx: 3_000 } as const;

/** Builds each report `runs` times for each year, one after another. */
export async function runReports(api: Api, fiscalYears: number[], runs: number): Promise<ReportResult[]> {
  const results: ReportResult[] = [];
  for (const fiscalYear of fiscalYears) {
    for (const kind of ['pptx', 'pdf', 'xlsx'] as const) {
      const timesMs: number[] = [];
      let status = 0;
      let bytes = 0;
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const response = await api.fetch(`/api/v1/reports/progress.${kind}?fy=${fiscalYear}`, 'reform');
        timesMs.push(Math.round(performance.now() - started));
        status = response.status;
        bytes = response.body.length;
        if (status !== 200) break;
      }
      const sorted = [...timesMs].sort((a, b) => a - b);
      results.push({
        kind,
        fiscalYear,
        status,
        timesMs,
        medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
        bytes,
        targetMs: REPORT_TARGETS_MS[kind],
      });
    }
  }
  return results;
}
