import { normalizeForSearch, type Role } from '@totonoe/domain';
import type { searchDocuments } from '../../db/schema/index.ts';

/** The kinds of record the search covers. */
export const SEARCH_KINDS = [
  'cluster',
  'meeting',
  'analysis',
  'bureau_policy',
  'initiative',
  'idea',
  'need',
  'issue',
  'response',
  'user',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How much of a record a document holds: what the public, every employee, or only some people may read. */
export const SEARCH_TIERS = ['public', 'staff', 'restricted'] as const;
export type SearchTier = (typeof SEARCH_TIERS)[number];

/** Who may read a document; anyone matching one line may. */
export type Audience = {
  isPublic?: boolean;
  isForSignedIn?: boolean;
  roles?: readonly Role[];
  /** Holders of bureau_head or department_staff for one of these units. */
  unitIds?: readonly string[];
  userIds?: readonly string[];
};

export type SearchDocument = {
  kind: SearchKind;
  recordId: string;
  tier: SearchTier;
  fiscalYear: number | null;
  fiscalYearTo?: number | null;
  orgUnitPath: readonly string[];
  status: string | null;
  title: string;
  body: string;
  link: string;
  audience: Audience;
  sortAt: Date;
};

const MAX_BODY_LENGTH = 100_000;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/u;

/** The readable text of a JSON document (a report's sections…): its strings, without ids and dates. */
export function textOfJson(value: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      const text = node.trim();
      if (text && !UUID_PATTERN.test(text) && !ISO_DATE_PATTERN.test(text)) parts.push(text);
    } else if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node && typeof node === 'object') for (const item of Object.values(node)) walk(item);
  };
  walk(value);
  return parts.join('\n');
}

/** Lines of text joined, empty ones left out. */
export function joinText(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join('\n');
}

/** The distinct bigrams of text already folded by normalizeForSearch: `bigrams()` without folding it again. */
function bigramsOfFolded(folded: string): string[] {
  const characters = Array.from(folded);
  if (characters.length <= 1) return characters;
  const seen = new Set<string>();
  for (let index = 0; index + 1 < characters.length; index += 1)
    seen.add(characters[index]! + characters[index + 1]!);
  return [...seen];
}

/** The row a document is stored as: folded text, its bigrams, and who may read it. */
export function documentRow(document: SearchDocument): typeof searchDocuments.$inferInsert {
  const body = document.body.slice(0, MAX_BODY_LENGTH);
  const searchText = normalizeForSearch(`${document.title}\n${body}`);
  return {
    kind: document.kind,
    recordId: document.recordId,
    tier: document.tier,
    fiscalYear: document.fiscalYear,
    fiscalYearTo: document.fiscalYearTo ?? null,
    orgUnitPath: [...document.orgUnitPath],
    status: document.status,
    title: document.title,
    body,
    searchTitle: normalizeForSearch(document.title),
    searchText,
    bigrams: bigramsOfFolded(searchText),
    link: document.link,
    isPublic: document.audience.isPublic ?? false,
    isForSignedIn: document.audience.isForSignedIn ?? false,
    readerRoles: [...(document.audience.roles ?? [])],
    readerUnitIds: [...new Set(document.audience.unitIds ?? [])],
    readerUserIds: [...new Set(document.audience.userIds ?? [])],
    sortAt: document.sortAt,
  };
}
