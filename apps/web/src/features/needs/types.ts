/** ニーズ・課題 as the API sends them (see the server's needs presenter). */

export type LocalizedText = { ja: string; en: string };

export const SIDES = ['recipient', 'bearer'] as const;
export type NeedSide = (typeof SIDES)[number];
export const CHANNELS = [
  'complaint',
  'survey',
  'hearing',
  'suggestion_box',
  'council',
  'counter',
  'other',
] as const;
export type NeedChannel = (typeof CHANNELS)[number];
export const NEED_STATUSES = ['new', 'linked', 'answered', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export type LinkKind = 'cluster' | 'analysis' | 'initiative';

export type Need = {
  id: string;
  side: NeedSide;
  sideLabel: LocalizedText;
  channel: NeedChannel;
  channelLabel: LocalizedText;
  body: string;
  receivedOn: string;
  fiscalYear: number;
  orgUnit: { id: string; code: string; name: string };
  status: NeedStatus;
  statusLabel: LocalizedText;
  links: { kind: LinkKind; targetId: string; label: string }[];
  isPublic: boolean;
  publicText: string | null;
  publicPreview: string;
  reporter: { name: string | null; contact: string | null } | null;
  version: number;
};

export type NeedFilter = {
  fy?: number | undefined;
  status?: NeedStatus | undefined;
  side?: NeedSide | undefined;
  channel?: NeedChannel | undefined;
  page?: number | undefined;
};

export type ImportPreview = {
  encoding: 'utf-8' | 'shift_jis' | null;
  rowCount: number;
  validCount: number;
  errorCount: number;
  fileErrors: LocalizedText[];
  rows: {
    line: number;
    values: Record<string, string>;
    isValid: boolean;
    errors: { column: string | null; messages: LocalizedText }[];
  }[];
};

/** A need as the public reads it (see the server's publicNeedSchema): no personal data. */
export type PublicNeed = {
  id: string;
  side: NeedSide;
  sideLabel: LocalizedText;
  channel: NeedChannel;
  channelLabel: LocalizedText;
  text: string;
  receivedOn: string;
  fiscalYear: number;
  orgUnit: { name: string };
  clusters: { number: number; name: string }[];
};

/** The public needs page's URL parameters. */
export type PublicNeedFilter = { fy?: number | undefined; side?: NeedSide | undefined };
