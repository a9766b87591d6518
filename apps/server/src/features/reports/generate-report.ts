import { fiscalYearLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { buildProgressDeck } from './build-progress-deck.ts';
import { buildWorkbook } from './build-workbook.ts';
import { type CsvEncoding, csvContentType, csvText, encodeCsv } from './csv.ts';
import { printPdf } from './print-pdf.ts';
import { loadProgressReport } from './progress-report.ts';
import { renderProgressHtml } from './render-progress-html.ts';
import { findReportResource, REPORT_RESOURCES } from './report-resources.ts';

/** What can be exported. */
export const REPORT_KINDS = ['progress_pptx', 'progress_pdf', 'progress_xlsx', 'csv'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type ReportRequest =
  | { kind: 'progress_pptx' | 'progress_pdf' | 'progress_xlsx'; fiscalYear: number }
  | { kind: 'csv'; fiscalYear: number; resource: string; encoding: CsvEncoding };

export type ReportFile = { fileName: string; contentType: string; content: Buffer };

export const CONTENT_TYPES = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

type Progress = (fraction: number) => Promise<void> | void;

/** Builds one export; `onProgress` hears how far it got (0–1). Reads only. */
export async function generateReport(
  db: Executor,
  request: ReportRequest,
  onProgress: Progress = () => undefined,
): Promise<ReportFile> {
  const baseName = `${fiscalYearLabel(request.fiscalYear)}_市政変革の進捗状況`;
  switch (request.kind) {
    case 'progress_pptx': {
      const report = await loadProgressReport(db, request.fiscalYear, {
        onStep: (done, of) => onProgress((done / of) * 0.4),
      });
      const content = await buildProgressDeck(report, {
        onProgress: (fraction) => onProgress(0.4 + fraction * 0.6),
      });
      return { fileName: `${baseName}.pptx`, contentType: CONTENT_TYPES.pptx, content };
    }
    case 'progress_pdf': {
      const report = await loadProgressReport(db, request.fiscalYear, {
        onStep: (done, of) => onProgress((done / of) * 0.4),
      });
      await onProgress(0.5);
      const content = await printPdf(renderProgressHtml(report), { footer: report.title });
      return { fileName: `${baseName}.pdf`, contentType: CONTENT_TYPES.pdf, content };
    }
    case 'progress_xlsx': {
      const sheets = [];
      for (const [index, resource] of REPORT_RESOURCES.entries()) {
        sheets.push({
          title: resource.title,
          columns: resource.columns,
          rows: await resource.load(db, request.fiscalYear),
        });
        await onProgress(((index + 1) / REPORT_RESOURCES.length) * 0.5);
      }
      const content = await buildWorkbook(sheets, {
        title: baseName,
        onProgress: (fraction) => onProgress(0.5 + fraction * 0.5),
      });
      return { fileName: `${baseName}.xlsx`, contentType: CONTENT_TYPES.xlsx, content };
    }
    case 'csv': {
      const resource = findReportResource(request.resource);
      if (!resource) throw new RangeError(`Unknown list: ${request.resource}`);
      const rows = await resource.load(db, request.fiscalYear);
      await onProgress(0.5);
      const content = encodeCsv(await csvText(resource.columns, rows), request.encoding);
      const suffix = request.encoding === 'shift_jis' ? '_SJIS' : '';
      return {
        fileName: `${fiscalYearLabel(request.fiscalYear)}_${resource.title}${suffix}.csv`,
        contentType: csvContentType(request.encoding),
        content,
      };
    }
  }
}
