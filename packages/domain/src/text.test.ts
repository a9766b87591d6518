import { describe, expect, it } from 'vitest';
import {
  bigrams,
  foldWidth,
  graphemeLength,
  katakanaToHiragana,
  normalizeForSearch,
  similarity,
  truncateText,
} from './text';

describe('foldWidth', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['ｶﾀｶﾅ', 'カタカナ'],
    ['ｶﾞｷﾞﾊﾟ', 'ガギパ'],
    ['（株）', '(株)'],
    ['　全角スペース', ' 全角スペース'],
    ['㋿6年', '令和6年'],
    ['市役所', '市役所'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldWidth(input)).toBe(expected);
  });

  it('composes a kana followed by a combining voiced mark', () => {
    expect(foldWidth('か\u3099')).toBe('が');
  });
});

describe('katakanaToHiragana', () => {
  it('converts the whole katakana block that has hiragana twins', () => {
    let katakana = '';
    let hiragana = '';
    for (let codePoint = 0x30a1; codePoint <= 0x30f6; codePoint += 1) {
      katakana += String.fromCodePoint(codePoint);
      hiragana += String.fromCodePoint(codePoint - 0x60);
    }
    expect(katakanaToHiragana(katakana)).toBe(hiragana);
    expect(katakanaToHiragana('ヴァイオリン')).toBe('ゔぁいおりん');
    expect(katakanaToHiragana('ヽヾ')).toBe('ゝゞ');
  });

  it('leaves the long vowel mark, ヷ, kanji, hiragana and Latin alone', () => {
    expect(katakanaToHiragana('ーヷ漢字ひらがなABC・')).toBe('ーヷ漢字ひらがなABC・');
  });
});

describe('normalizeForSearch', () => {
  it('makes half-width, full-width katakana and hiragana equal', () => {
    const keys = ['ｶﾀｶﾅ', 'カタカナ', 'かたかな'].map(normalizeForSearch);
    expect(new Set(keys)).toEqual(new Set(['かたかな']));
  });

  it.each([
    ['  市役所　ＤＸ  推進 ', '市役所 dx 推進'],
    ['Platinum\tPT\nメンバー', 'platinum pt めんばー'],
    ['ＡＢＣ', 'abc'],
    ['ｼｽﾃﾑ管理者', 'しすてむ管理者'],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });
});

describe('bigrams', () => {
  it.each<[string, string[]]>([
    ['市役所', ['市役', '役所']],
    ['市', ['市']],
    ['', []],
    ['   ', []],
    ['ああああ', ['ああ']],
    ['カタカナ', ['かた', 'たか', 'かな']],
    ['ｶﾀｶﾅ', ['かた', 'たか', 'かな']],
    ['市 役所', ['市 ', ' 役', '役所']],
    ['𠮷野家', ['𠮷野', '野家']],
    ['AB', ['ab']],
  ])('%j → %j', (input, expected) => {
    expect(bigrams(input)).toEqual(expected);
  });

  it('finds every substring of two or more characters by bigram containment', () => {
    const text = '市民課と市政変革室が協力して働き方改革を進める';
    const textBigrams = new Set(bigrams(text));
    for (let start = 0; start < text.length - 1; start += 1) {
      for (let end = start + 2; end <= text.length; end += 1) {
        for (const bigram of bigrams(text.slice(start, end))) {
          expect(textBigrams.has(bigram)).toBe(true);
        }
      }
    }
  });
});

describe('similarity', () => {
  it.each([
    ['市役所', '市役所', 1],
    ['カタカナ', 'かたかな', 1],
    ['', '', 1],
    ['', '市役所', 0],
    ['市役所', '区役所', 0.5],
    ['abcd', 'wxyz', 0],
    ['市', '市', 1],
    ['市', '区', 0],
  ])('%j vs %j → %d', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
    expect(similarity(b, a)).toBeCloseTo(expected, 10);
  });

  it('is the Dice coefficient over distinct bigrams', () => {
    // 働き方改革: 働き き方 方改 改革 (4); 働き方見直し: 働き き方 方見 見直 直し (5); shared 2 → 4/9.
    expect(similarity('働き方改革', '働き方見直し')).toBeCloseTo(4 / 9, 10);
  });

  it('stays within 0 and 1', () => {
    const texts = ['', 'a', 'ab', '市役所', '市役所市役所', 'カタカナ', 'ｶﾀｶﾅ漢字', '𠮷野家'];
    for (const a of texts) {
      for (const b of texts) {
        const value = similarity(a, b);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('truncateText', () => {
  it.each([
    ['あいうえお', 5, 'あいうえお'],
    ['あいうえお', 6, 'あいうえお'],
    ['あいうえお', 4, 'あいう…'],
    ['あいうえお', 1, '…'],
    ['', 3, ''],
    ['市政変革 推進', 6, '市政変革…'],
    ['👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 2, '👨‍👩‍👧…'],
    ['𠮷𠮷𠮷𠮷', 3, '𠮷𠮷…'],
  ])('%j at %i → %j', (text, maxLength, expected) => {
    expect(truncateText(text, maxLength)).toBe(expected);
  });

  it('never returns more than maxLength characters', () => {
    const text = '未来のために、今、ととのえよう。👨‍👩‍👧 か\u3099';
    for (let maxLength = 1; maxLength <= 25; maxLength += 1) {
      expect(graphemeLength(truncateText(text, maxLength))).toBeLessThanOrEqual(maxLength);
    }
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects maxLength %s', (maxLength) => {
    expect(() => truncateText('abc', maxLength)).toThrow(RangeError);
  });

  it('reads only the start of a long text and cuts it where the whole text would be cut', () => {
    const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });
    const whole = (text: string, maxLength: number) => {
      const graphemes = Array.from(segmenter.segment(text), (segment) => segment.segment);
      return graphemes.length <= maxLength
        ? text
        : `${graphemes
            .slice(0, maxLength - 1)
            .join('')
            .trimEnd()}…`;
    };
    const pieces = ['あ', 'ｶ', 'A', ' ', '\u3000', '👨‍👩‍👧', 'か\u3099', '𠮷', '\n', 'é'];
    for (let seed = 1; seed <= 300; seed += 1) {
      let text = '';
      for (let index = 0; index < (seed * 7) % 40; index += 1)
        text += pieces[(seed * 31 + index * index) % pieces.length];
      const maxLength = 1 + (seed % 30);
      expect(truncateText(text, maxLength)).toBe(whole(text, maxLength));
    }
  });
});

describe('graphemeLength', () => {
  it('counts user-perceived characters', () => {
    expect(graphemeLength('👨‍👩‍👧')).toBe(1);
    expect(graphemeLength('か\u3099')).toBe(1);
    expect(graphemeLength('𠮷野家')).toBe(3);
    expect(graphemeLength('')).toBe(0);
  });
});
