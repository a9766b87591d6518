import { foldWidth, katakanaToHiragana, normalizeForSearch } from './text';

/** A piece of a text for display: `isMatch` marks what the search matched (to highlight). */
export type TextSegment = { text: string; isMatch: boolean };

export const MAX_SEARCH_TERMS = 8;
export const MAX_SEARCH_TERM_LENGTH = 50;

// Splits a query into its search keys (folded like stored text), without duplicates, longest first.
export function searchTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const term of normalizeForSearch(query).split(' ')) {
    const characters = Array.from(term);
    if (characters.length === 0) continue;
    terms.add(characters.slice(0, MAX_SEARCH_TERM_LENGTH).join(''));
    if (terms.size >= MAX_SEARCH_TERMS) break;
  }
  return [...terms].sort((a, b) => Array.from(b).length - Array.from(a).length);
}

// Half-width voiced and semi-voiced marks (ﾞ ﾟ) fold together with the kana before them.
const HALF_WIDTH_MARKS = new Set(['\uff9e', '\uff9f']);

/**
 * The folded text (as normalizeForSearch folds it, whitespace runs as one space) with, for each of
 * its characters, where it came from in the original: [start, end) in UTF-16 units.
 */
function foldWithOrigins(text: string): { folded: string[]; origins: [number, number][] } {
  const folded: string[] = [];
  const origins: [number, number][] = [];
  const characters = Array.from(text);
  let offset = 0;
  let isInSpace = false;
  for (let index = 0; index < characters.length; index++) {
    let piece = characters[index]!;
    const start = offset;
    offset += piece.length;
    while (index + 1 < characters.length && HALF_WIDTH_MARKS.has(characters[index + 1]!)) {
      piece += characters[index + 1]!;
      offset += characters[index + 1]!.length;
      index++;
    }
    if (/\s/u.test(piece)) {
      if (!isInSpace && folded.length > 0) {
        folded.push(' ');
        origins.push([start, offset]);
      }
      isInSpace = true;
      continue;
    }
    isInSpace = false;
    for (const character of Array.from(katakanaToHiragana(foldWidth(piece).toLowerCase()))) {
      folded.push(character);
      origins.push([start, offset]);
    }
  }
  return { folded, origins };
}

/** Original [start, end) ranges where any of the terms occurs (terms as searchTerms gives them), merged. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0 || text === '') return [];
  const { folded, origins } = foldWithOrigins(text);
  const marked = new Array<boolean>(folded.length).fill(false);
  for (const term of terms) {
    const termCharacters = Array.from(term);
    if (termCharacters.length === 0) continue;
    for (let start = 0; start + termCharacters.length <= folded.length; start++) {
      let isMatch = true;
      for (let offset = 0; offset < termCharacters.length; offset++) {
        if (folded[start + offset] !== termCharacters[offset]) {
          isMatch = false;
          break;
        }
      }
      if (isMatch) marked.fill(true, start, start + termCharacters.length);
    }
  }
  const ranges: [number, number][] = [];
  for (let index = 0; index < folded.length; index++) {
    if (!marked[index]) continue;
    const [start, end] = origins[index]!;
    const last = ranges.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/** The text cut into plain and matched segments (for highlighting; no markup is ever built from text). */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), isMatch: false });
    segments.push({ text: text.slice(start, end), isMatch: true });
    cursor = end;
  }
  if (cursor < text.length || segments.length === 0)
    segments.push({ text: text.slice(cursor), isMatch: false });
  return segments;
}

/**
 * A window of about `length` characters of a text around its first match, cut at character
 * boundaries with … where text was left out, as highlighted segments; the start of the text when
 * nothing matches.
 */
export function snippetSegments(text: string, terms: readonly string[], length = 120): TextSegment[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const ranges = matchRanges(flat, terms);
  const characters = Array.from(flat);
  // Positions in code points, for cutting without splitting a surrogate pair.
  const codePointAt = (utf16: number) => Array.from(flat.slice(0, utf16)).length;
  const firstMatch = ranges[0] ? codePointAt(ranges[0][0]) : 0;
  let start = Math.max(0, firstMatch - Math.floor(length / 3));
  const end = Math.min(characters.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const window = characters.slice(start, end).join('');
  const segments = highlightSegments(window, terms);
  if (start > 0) segments.unshift({ text: '…', isMatch: false });
  if (end < characters.length) segments.push({ text: '…', isMatch: false });
  return segments.filter((segment) => segment.text !== '');
}

/** True when the folded text holds every term (what the database's LIKE recheck decides). */
export function matchesAllTerms(text: string, terms: readonly string[]): boolean {
  const folded = normalizeForSearch(text);
  return terms.every((term) => folded.includes(term));
}
