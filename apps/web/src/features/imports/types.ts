export type Localized = { ja: string; en: string };

export type ImportField = { key: string; label: Localized; isRequired: boolean; hint: Localized | null };

export type ImportKind = { kind: string; label: Localized; fields: ImportField[] };

export type ImportStatus =
  | 'uploaded'
  | 'validating'
  | 'previewed'
  | 'committing'
  | 'committed'
  | 'failed'
  | 'discarded';

export type ImportJob = {
  id: string;
  kind: string;
  kindLabel: Localized;
  status: ImportStatus;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'utf-8-bom' | 'shift_jis' | null;
  isEncodingChosen: boolean;
  byteSize: number;
  headers: string[];
  mapping: Record<string, number | null>;
  fields: ImportField[];
  sampleRows: string[][];
  totalRows: number;
  processedRows: number;
  progress: number;
  counts: { create: number; update: number; unchanged: number; error: number };
  error: { code: string; messages: Localized } | null;
  isCommittable: boolean;
  createdBy: { id: string; displayName: string | null };
  createdAt: string;
  committedAt: string | null;
  version: number;
};

export type ImportRow = {
  rowNumber: number;
  action: 'pending' | 'create' | 'update' | 'unchanged' | 'error';
  recordKey: string | null;
  values: Record<string, string>;
  errors: { field: string | null; fieldLabel: Localized | null; messages: Localized }[];
};
