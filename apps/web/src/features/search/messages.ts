import { useLanguage } from '@/lib/i18n/i18n-provider';

/** The texts of search, Japanese first (kept beside the feature). */
const ja = {
  title: '検索',
  lead: 'X会議・経営分析・局区X方針・取組・アイデアなどを、まとめて検索します。2文字から探せます（例：「保育」で保育所・保育園）。',
  publicLead: '公開されている情報を検索します。',
  boxLabel: 'サイト内検索',
  queryLabel: '検索する言葉',
  submit: '検索',
  kind: '種類',
  allKinds: 'すべての種類',
  results: '検索結果',
  count: '「{query}」の検索結果：{total}件',
  countEstimated:
    '「{query}」の検索結果：約{total}件（件数は推定です。多いため一部を関連順に表示しています）',
  facetEstimated: '約{count}',
  none: '「{query}」に一致する情報は見つかりませんでした。言葉を短くするか、別の言葉でお試しください。',
  empty: '検索する言葉を入力してください。',
  fiscalYear: '年度：{year}',
  pagination: '検索結果のページ',
  matchHint: '一致した部分は太字で示しています。',
};

const en: Record<keyof typeof ja, string> = {
  title: 'Search',
  lead: 'Search X meetings, analyses, bureau policies, initiatives, ideas and more at once. Two characters are enough (e.g. 保育 finds 保育所 and 保育園).',
  publicLead: 'Search what is published.',
  boxLabel: 'Site search',
  queryLabel: 'Words to search for',
  submit: 'Search',
  kind: 'Kind',
  allKinds: 'All kinds',
  results: 'Search results',
  count: '{total} results for “{query}”',
  countEstimated:
    'About {total} results for “{query}” (an estimate: there are many, so a part of them is shown by relevance)',
  facetEstimated: 'about {count}',
  none: 'Nothing matches “{query}”. Try shorter or other words.',
  empty: 'Enter words to search for.',
  fiscalYear: 'FY{year}',
  pagination: 'Pages of search results',
  matchHint: 'Matching text is shown in bold.',
};

export type SearchTextKey = keyof typeof ja;

/** The texts of this feature in the current UI language, with `{name}` placeholders filled. */
export function useSearchText(): (key: SearchTextKey, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  const texts = language === 'en' ? en : ja;
  return (key, values) =>
    texts[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      values && name in values ? String(values[name]) : placeholder,
    );
}
