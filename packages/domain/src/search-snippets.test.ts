import { describe, expect, it } from 'vitest';
import {
  highlightSegments,
  matchesAllTerms,
  matchRanges,
  searchTerms,
  snippetSegments,
} from './search-snippets';

const marked = (segments: { text: string; isMatch: boolean }[]) =>
  segments.map((segment) => (segment.isMatch ? `[${segment.text}]` : segment.text)).join('');

describe('searchTerms', () => {
  it.each<[string, string[]]>([
    ['保育', ['保育']],
    ['  保育　ＤＸ ', ['保育', 'dx']],
    ['ｶﾀｶﾅ', ['かたかな']],
    ['データ データ', ['でーた']],
    ['a bb ccc', ['ccc', 'bb', 'a']],
    ['', []],
    ['   ', []],
  ])('%j → %j', (query, expected) => {
    expect(searchTerms(query)).toEqual(expected);
  });

  it('keeps at most eight terms of at most fifty characters', () => {
    expect(searchTerms('一 二 三 四 五 六 七 八 九 十')).toHaveLength(8);
    expect(Array.from(searchTerms('あ'.repeat(80))[0]!)).toHaveLength(50);
  });
});

describe('highlighting', () => {
  it('marks matches in the original text, whatever its width, case or kana', () => {
    expect(marked(highlightSegments('保育所と保育園', searchTerms('保育')))).toBe('[保育]所と[保育]園');
    expect(marked(highlightSegments('ｶﾀｶﾅ表記のﾃﾞｰﾀ連携', searchTerms('カタカナ データ')))).toBe(
      '[ｶﾀｶﾅ]表記の[ﾃﾞｰﾀ]連携',
    );
    expect(marked(highlightSegments('ＤＸ推進とdx', searchTerms('Dx')))).toBe('[ＤＸ]推進と[dx]');
    expect(marked(highlightSegments('ひらがなとカタカナ', searchTerms('かたかな')))).toBe(
      'ひらがなと[カタカナ]',
    );
    expect(marked(highlightSegments('市役所', searchTerms('区役所')))).toBe('市役所');
    expect(marked(highlightSegments('𠮷野家の𠮷', searchTerms('𠮷')))).toBe('[𠮷]野家の[𠮷]');
  });

  it('matches across folded whitespace and merges overlapping matches', () => {
    expect(marked(highlightSegments('市政　　変革', searchTerms('政 変')))).toBe('市[政]　　[変]革');
    expect(matchRanges('ああああ', ['ああ'])).toEqual([[0, 4]]);
  });

  it('never builds markup: text with angle brackets stays text', () => {
    const segments = highlightSegments('<script>保育</script>', searchTerms('保育'));
    expect(segments).toEqual([
      { text: '<script>', isMatch: false },
      { text: '保育', isMatch: true },
      { text: '</script>', isMatch: false },
    ]);
  });
});

describe('snippetSegments', () => {
  const long = `${'前置きの文章です。'.repeat(20)}待機児童の解消に向けて保育所を整備する。${'後書きの文章です。'.repeat(20)}`;

  it('cuts a window around the first match with … where text was left out', () => {
    const text = marked(snippetSegments(long, searchTerms('保育所'), 60));
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).toContain('[保育所]');
    expect(Array.from(text.replace(/[[\]]/g, '')).length).toBeLessThanOrEqual(62);
  });

  it('shows the start of the text when nothing matches, and short texts whole', () => {
    expect(marked(snippetSegments(long, searchTerms('存在しない'), 10))).toBe('前置きの文章です。前…');
    expect(marked(snippetSegments('短い\n文章', searchTerms('文章')))).toBe('短い [文章]');
  });
});

describe('matchesAllTerms', () => {
  it('needs every term', () => {
    expect(matchesAllTerms('保育所の整備', searchTerms('保育 整備'))).toBe(true);
    expect(matchesAllTerms('保育所の整備', searchTerms('保育 廃止'))).toBe(false);
    expect(matchesAllTerms('保険', searchTerms('保育'))).toBe(false);
  });
});
