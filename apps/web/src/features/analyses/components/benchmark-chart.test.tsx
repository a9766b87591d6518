import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '@/lib/i18n/i18n-provider';
import type { Indicator } from '../types';
import { BenchmarkChart, BenchmarkTable } from './benchmark-chart';
import { textToValues, valuesToText } from './benchmarks-panel';

const indicator: Indicator = {
  id: 'i1',
  name: '児童1人当たり運営費',
  unit: '千円',
  direction: 'lower_is_better',
  source: 'デモデータ',
  note: '',
  values: [
    { subject: '本市', isOwnCity: true, year: 2022, value: 2430 },
    { subject: '本市', isOwnCity: true, year: 2023, value: 2480 },
    { subject: '政令市A', isOwnCity: false, year: 2022, value: 2150 },
    { subject: '政令市A', isOwnCity: false, year: 2023, value: 2190 },
  ],
  ranks: [
    { year: 2022, rank: 2, of: 2 },
    { year: 2023, rank: 2, of: 2 },
  ],
};

const render = (node: React.ReactNode) => renderToStaticMarkup(<I18nProvider>{node}</I18nProvider>);

describe('the benchmark chart', () => {
  it('is an image with a text alternative that gives this city’s ranks', () => {
    const html = render(<BenchmarkChart indicator={indicator} />);
    expect(html).toContain('role="img"');
    expect(html).toMatch(
      /<title[^>]*>児童1人当たり運営費（千円、低いほど良い）の推移。本市の順位は、2022年度：2団体中2位、2023年度：2団体中2位。/,
    );
    expect(html).not.toContain('本市（本市）');
    expect(html).toContain('font-bold">本市</text>');
    // No outside resources: everything is drawn inline.
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('has a table with this city first and marked in words', () => {
    const html = render(<BenchmarkTable indicator={indicator} />);
    expect(html.indexOf('本市')).toBeLessThan(html.indexOf('政令市A'));
    expect(html).toContain('bg-blue-50 font-bold');
    expect(html).toContain('<caption');
    expect(html).toContain('2,480');
  });
});

describe('benchmark values as text', () => {
  it('round-trips and points at a line it cannot read', () => {
    const text = valuesToText(indicator.values);
    expect(textToValues(text)).toEqual({ values: indicator.values });
    expect(textToValues('本市,2023,abc')).toEqual({ badLine: 1 });
    expect(textToValues('\n政令市B,２０２３,１２')).toEqual({
      values: [{ subject: '政令市B', year: 2023, value: 12, isOwnCity: false }],
    });
  });
});
