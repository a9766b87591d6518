/**
 * Text helpers for comparing and searching Japanese text. Search keys are built by
 * normalizeForSearch and bigrams on both sides (stored text and query) so they always match.
 */

const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const ITERATION_MARK_START = 0x30fd; // ヽ
const ITERATION_MARK_END = 0x30fe; // ヾ
const KATAKANA_TO_HIRAGANA_OFFSET = 0x60;

const ELLIPSIS = '…';

const graphemeSegmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

// Folds character widths with Unicode NFKC: full-width ASCII becomes half-width, half-width katakana full-width.
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

// Converts katakana (including ヴ, ヵ, ヶ, ヽ, ヾ) to hiragana and leaves every other character alone.
export function katakanaToHiragana(text: string): string {
  let result = '';
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    const isConvertible =
      (codePoint >= KATAKANA_START && codePoint <= KATAKANA_END) ||
      (codePoint >= ITERATION_MARK_START && codePoint <= ITERATION_MARK_END);
    result += isConvertible ? String.fromCodePoint(codePoint - KATAKANA_TO_HIRAGANA_OFFSET) : character;
  }
  return result;
}

// Builds the search key of a text: NFKC, lower case, katakana as hiragana, runs of whitespace as one space, trimmed.
export function normalizeForSearch(text: string): string {
  return katakanaToHiragana(foldWidth(text).toLowerCase()).replace(/\s+/gu, ' ').trim();
}

// Returns the distinct character bigrams of a text's search key, in order of first appearance (one character → itself).
export function bigrams(text: string): string[] {
  const characters = Array.from(normalizeForSearch(text));
  if (characters.length <= 1) {
    return characters;
  }
  const seen = new Set<string>();
  for (let index = 0; index + 1 < characters.length; index += 1) {
    seen.add(`${characters[index]}${characters[index + 1]}`);
  }
  return [...seen];
}

// Returns the Dice coefficient of two texts' bigram sets: 1 for the same search key, 0 for nothing in common.
export function similarity(a: string, b: string): number {
  const left = new Set(bigrams(a));
  const right = new Set(bigrams(b));
  if (left.size === 0 && right.size === 0) {
    return 1;
  }
  let shared = 0;
  for (const bigram of left) {
    if (right.has(bigram)) {
      shared += 1;
    }
  }
  return (2 * shared) / (left.size + right.size);
}

// Counts user-perceived characters (grapheme clusters), so 👨‍👩‍👧 or が written with a combining mark count once.
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _segment of graphemeSegmenter.segment(text)) {
    count += 1;
  }
  return count;
}

// Shortens a text to at most maxLength characters (grapheme clusters), ending it with … when something was cut.
export function truncateText(text: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  // A grapheme has at least one code unit, so a text this short fits; otherwise only the start is read.
  if (text.length <= maxLength) {
    return text;
  }
  const kept: string[] = [];
  for (const { segment } of graphemeSegmenter.segment(text)) {
    if (kept.length === maxLength) {
      return `${kept
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}${ELLIPSIS}`;
    }
    kept.push(segment);
  }
  return text;
}
