import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript module shared with the scripts
import { ensureLibreOffice, PDFTOTEXT_PATH } from '../../../../../scripts/lib/ensure-libreoffice.mjs';

/*
 * Opens generated files in real clients for the report tests: LibreOffice converts the deck to PDF
 * and the workbook to CSV, poppler's pdftotext reads PDFs back as text. Test-only.
 */

function run(command: string, args: string[], options: { timeoutMs?: number } = {}): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: options.timeoutMs ?? 180_000 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`,
    );
  }
}

/** Installs LibreOffice and pdftotext when missing (apt-get, minutes on a fresh machine). */
export function ensureOfficeTools(): void {
  ensureLibreOffice();
}

/** Converts a file with LibreOffice (its own profile, so parallel runs do not collide); returns the output folder. */
export function convertWithLibreOffice(input: Buffer, fileName: string, filter: string): string {
  const soffice = ensureLibreOffice() as string;
  const work = mkdtempSync(path.join(tmpdir(), 'totonoe-office-'));
  const source = path.join(work, fileName);
  writeFileSync(source, input);
  const out = path.join(work, 'out');
  mkdirSync(out);
  run(soffice, [
    '--headless',
    '--norestore',
    '--nolockcheck',
    `-env:UserInstallation=file://${path.join(work, 'profile')}`,
    '--convert-to',
    filter,
    '--outdir',
    out,
    source,
  ]);
  return out;
}

/** The text of a PDF in content order (pdftotext -raw). */
export function pdfText(pdf: Buffer): string {
  const work = mkdtempSync(path.join(tmpdir(), 'totonoe-pdf-'));
  try {
    const file = path.join(work, 'in.pdf');
    writeFileSync(file, pdf);
    run(PDFTOTEXT_PATH as string, ['-raw', '-enc', 'UTF-8', file, path.join(work, 'out.txt')]);
    return readFileSync(path.join(work, 'out.txt'), 'utf8');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A PowerPoint deck as LibreOffice prints it to PDF. */
export function deckToPdf(deck: Buffer): Buffer {
  const out = convertWithLibreOffice(deck, 'deck.pptx', 'pdf');
  try {
    return readFileSync(path.join(out, 'deck.pdf'));
  } finally {
    rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/** One sheet (1-based) of a workbook as LibreOffice Calc writes it to UTF-8 CSV. */
export function sheetToCsv(workbook: Buffer, sheet: number): string {
  const out = convertWithLibreOffice(
    workbook,
    'book.xlsx',
    `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`,
  );
  try {
    const files = readdirSync(out);
    if (files.length !== 1) throw new Error(`expected one CSV, got ${files.join(', ')}`);
    return readFileSync(path.join(out, files[0]!), 'utf8');
  } finally {
    rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/** Decodes bytes with the system's iconv (glibc), as a city's batch job or a shell would. */
export function iconvDecode(bytes: Buffer, from: string): string {
  const result = spawnSync('iconv', ['-f', from, '-t', 'UTF-8'], { input: bytes, timeout: 30_000 });
  if (result.status !== 0) throw new Error(`iconv -f ${from} failed: ${result.stderr.toString()}`);
  return result.stdout.toString('utf8');
}

/** Text with every kind of white space removed, so names wrapped across lines still match. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
