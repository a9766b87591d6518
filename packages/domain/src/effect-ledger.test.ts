import { describe, expect, it } from 'vitest';
import {
  countedFiscalYears,
  EFFECT_CATEGORIES,
  EFFECT_CATEGORY_LABELS,
  EFFECT_RECURRENCES,
  EFFECT_STAGES,
  type FiscalYearSpan,
  fiscalYearsOfSpan,
  isFiscalYearInSpan,
  LEDGER_ENTRY_PROBLEM_MESSAGES,
  LEDGER_ENTRY_PROBLEMS,
  type LedgerAmounts,
  type LedgerEntry,
  ledgerEntryProblem,
  rollUpLedger,
  targetProgressPercent,
} from './effect-ledger';
import { seededRandom } from './test-support';

const SPAN: FiscalYearSpan = { startFiscalYear: 2024, endFiscalYear: 2026 };
const OKU = 100_000_000n;

function entry(overrides: Partial<LedgerEntry>): LedgerEntry {
  return {
    fiscalYear: 2024,
    endFiscalYear: null,
    category: 'expenditure_cut',
    recurrence: 'one_off',
    stage: 'planned',
    amount: OKU,
    group: 'policy_program',
    bureau: 'kodomo',
    ...overrides,
  };
}

function sumAmounts(list: readonly { amounts: LedgerAmounts }[]): LedgerAmounts {
  return list.reduce(
    (acc, item) => ({
      planned: acc.planned + item.amounts.planned,
      actual: acc.actual + item.amounts.actual,
      total: acc.total + item.amounts.total,
    }),
    { planned: 0n, actual: 0n, total: 0n },
  );
}

describe('countedFiscalYears', () => {
  it('counts a one-off effect in its own year only', () => {
    expect(countedFiscalYears(entry({ fiscalYear: 2025 }), SPAN)).toEqual([2025]);
  });

  it('counts a recurring effect in its year and every later year of the span', () => {
    expect(countedFiscalYears(entry({ recurrence: 'recurring', fiscalYear: 2024 }), SPAN)).toEqual([
      2024, 2025, 2026,
    ]);
    expect(countedFiscalYears(entry({ recurrence: 'recurring', fiscalYear: 2026 }), SPAN)).toEqual([2026]);
  });

  it('stops a recurring effect after the year it ends', () => {
    expect(
      countedFiscalYears(entry({ recurrence: 'recurring', fiscalYear: 2024, endFiscalYear: 2025 }), SPAN),
    ).toEqual([2024, 2025]);
    expect(
      countedFiscalYears(entry({ recurrence: 'recurring', fiscalYear: 2025, endFiscalYear: 2030 }), SPAN),
    ).toEqual([2025, 2026]);
  });

  it('counts a recurring effect begun before the span from the span’s first year', () => {
    expect(countedFiscalYears(entry({ recurrence: 'recurring', fiscalYear: 2022 }), SPAN)).toEqual([
      2024, 2025, 2026,
    ]);
    expect(
      countedFiscalYears(entry({ recurrence: 'recurring', fiscalYear: 2022, endFiscalYear: 2023 }), SPAN),
    ).toEqual([]);
  });

  it('counts nothing outside the span', () => {
    expect(countedFiscalYears(entry({ fiscalYear: 2023 }), SPAN)).toEqual([]);
    expect(countedFiscalYears(entry({ fiscalYear: 2027, recurrence: 'recurring' }), SPAN)).toEqual([]);
  });

  it('refuses an inverted span', () => {
    expect(() => countedFiscalYears(entry({}), { startFiscalYear: 2026, endFiscalYear: 2024 })).toThrow(
      RangeError,
    );
    expect(() => fiscalYearsOfSpan({ startFiscalYear: 2024.5, endFiscalYear: 2026 })).toThrow(RangeError);
  });
});

describe('ledgerEntryProblem', () => {
  it('accepts an effect inside the span', () => {
    expect(ledgerEntryProblem({ fiscalYear: 2024, recurrence: 'one_off' }, SPAN)).toBeNull();
    expect(
      ledgerEntryProblem({ fiscalYear: 2026, recurrence: 'recurring', endFiscalYear: 2026 }, SPAN),
    ).toBeNull();
    expect(ledgerEntryProblem({ fiscalYear: 2030, recurrence: 'one_off' }, null)).toBeNull();
  });

  it('refuses a year outside the target’s span', () => {
    expect(ledgerEntryProblem({ fiscalYear: 2023, recurrence: 'one_off' }, SPAN)).toBe('outside_target_span');
    expect(ledgerEntryProblem({ fiscalYear: 2027, recurrence: 'recurring' }, SPAN)).toBe(
      'outside_target_span',
    );
  });

  it('refuses an end before the start and an end on a one-off effect', () => {
    expect(ledgerEntryProblem({ fiscalYear: 2025, recurrence: 'recurring', endFiscalYear: 2024 }, SPAN)).toBe(
      'end_before_start',
    );
    expect(ledgerEntryProblem({ fiscalYear: 2025, recurrence: 'one_off', endFiscalYear: 2025 }, null)).toBe(
      'end_on_one_off',
    );
  });

  it('has a message in both languages for every problem', () => {
    for (const problem of LEDGER_ENTRY_PROBLEMS) {
      expect(LEDGER_ENTRY_PROBLEM_MESSAGES[problem].ja).not.toBe('');
      expect(LEDGER_ENTRY_PROBLEM_MESSAGES[problem].en).not.toBe('');
    }
  });
});

describe('rollUpLedger', () => {
  it('adds a worked example up by hand', () => {
    const entries = [
      entry({ recurrence: 'recurring', amount: 10n * OKU, stage: 'actual', bureau: 'kodomo' }), // 10億 × 3 years
      entry({
        recurrence: 'recurring',
        fiscalYear: 2025,
        endFiscalYear: 2025,
        amount: 2n * OKU,
        bureau: 'kankyo',
      }), // 2億 once
      entry({ fiscalYear: 2026, amount: 5n * OKU, category: 'revenue_gain', group: null, bureau: null }), // 5億 once
      entry({ fiscalYear: 2025, amount: -OKU, group: 'cross_cutting', bureau: 'zaisei' }), // ▲1億
      entry({ fiscalYear: 2023, amount: 99n * OKU }), // outside the span: not counted
    ];
    const ledger = rollUpLedger(entries, SPAN);
    expect(ledger.total).toEqual({ planned: 6n * OKU, actual: 30n * OKU, total: 36n * OKU });
    expect(ledger.byYear.map((year) => [year.fiscalYear, year.amounts.total, year.cumulative.total])).toEqual(
      [
        [2024, 10n * OKU, 10n * OKU],
        [2025, 11n * OKU, 21n * OKU],
        [2026, 15n * OKU, 36n * OKU],
      ],
    );
    expect(ledger.byBureau.map((row) => [row.key, row.amounts.total])).toEqual([
      ['kankyo', 2n * OKU],
      ['kodomo', 30n * OKU],
      ['zaisei', -OKU],
      [null, 5n * OKU],
    ]);
    expect(ledger.byGroup.map((row) => [row.key, row.amounts.total])).toEqual([
      ['cross_cutting', -OKU],
      ['policy_program', 32n * OKU],
      [null, 5n * OKU],
    ]);
    expect(ledger.byCategory.map((row) => [row.key, row.amounts.total])).toEqual([
      ['expenditure_cut', 31n * OKU],
      ['revenue_gain', 5n * OKU],
    ]);
    expect(ledger.byRecurrence.map((row) => [row.key, row.amounts.total])).toEqual([
      ['one_off', 4n * OKU],
      ['recurring', 32n * OKU],
    ]);
    expect(ledger.byYear[2]!.byCategory).toEqual([
      { key: 'expenditure_cut', amounts: { planned: 0n, actual: 10n * OKU, total: 10n * OKU } },
      { key: 'revenue_gain', amounts: { planned: 5n * OKU, actual: 0n, total: 5n * OKU } },
    ]);
  });

  it('gives every year of the span a row, also when nothing counts in it', () => {
    const ledger = rollUpLedger([], SPAN);
    expect(ledger.byYear.map((year) => year.fiscalYear)).toEqual([2024, 2025, 2026]);
    expect(ledger.total).toEqual({ planned: 0n, actual: 0n, total: 0n });
    expect(ledger.byGroup).toEqual([]);
    expect(ledger.byCategory.map((row) => row.key)).toEqual([...EFFECT_CATEGORIES]);
  });

  it('keeps yen exact beyond what a floating-point number can hold', () => {
    const huge = 9_007_199_254_740_993n; // 2^53 + 1
    const ledger = rollUpLedger([entry({ amount: huge }), entry({ amount: 1n })], SPAN);
    expect(ledger.total.total).toBe(huge + 1n);
  });

  it('totals equal the sum of the entries in every grouping, for many random ledgers', () => {
    const random = seededRandom(20240604);
    const pick = <T>(list: readonly T[]): T => list[random() % list.length]!;
    for (let round = 0; round < 300; round++) {
      const span = { startFiscalYear: 2022 + (random() % 3), endFiscalYear: 0 };
      span.endFiscalYear = span.startFiscalYear + (random() % 4);
      const entries: LedgerEntry[] = Array.from({ length: random() % 40 }, () => {
        const recurrence = pick(EFFECT_RECURRENCES);
        const fiscalYear = 2020 + (random() % 10);
        const hasEnd = recurrence === 'recurring' && random() % 2 === 0;
        return {
          fiscalYear,
          endFiscalYear: hasEnd ? fiscalYear + (random() % 4) : null,
          category: pick(EFFECT_CATEGORIES),
          recurrence,
          stage: pick(EFFECT_STAGES),
          amount: BigInt(random() % 2_000_000_000) * 1000n - 200_000_000_000n,
          group: pick(['policy_program', 'cross_cutting', 'organization', null]),
          bureau: pick(['kodomo', 'kankyo', 'zaisei', 'hoken', null]),
        };
      });
      const ledger = rollUpLedger(entries, span);

      // The oracle: each entry's amount times the number of span years it counts in, computed independently.
      let expected = { planned: 0n, actual: 0n, total: 0n };
      for (const item of entries) {
        let years = 0n;
        for (let year = span.startFiscalYear; year <= span.endFiscalYear; year++) {
          const isCounted =
            item.recurrence === 'one_off'
              ? year === item.fiscalYear
              : year >= item.fiscalYear && (item.endFiscalYear == null || year <= item.endFiscalYear);
          if (isCounted) years++;
        }
        expected = {
          ...expected,
          [item.stage]: expected[item.stage] + item.amount * years,
          total: expected.total + item.amount * years,
        };
      }
      expect(ledger.total).toEqual(expected);
      expect(ledger.total.total).toBe(ledger.total.planned + ledger.total.actual);
      expect(sumAmounts(ledger.byYear)).toEqual(ledger.total);
      expect(sumAmounts(ledger.byGroup)).toEqual(ledger.total);
      expect(sumAmounts(ledger.byBureau)).toEqual(ledger.total);
      expect(sumAmounts(ledger.byCategory)).toEqual(ledger.total);
      expect(sumAmounts(ledger.byRecurrence)).toEqual(ledger.total);
      expect(ledger.byYear.at(-1)!.cumulative).toEqual(ledger.total);
      let running = 0n;
      for (const year of ledger.byYear) {
        running += year.amounts.total;
        expect(year.cumulative.total).toBe(running);
        expect(sumAmounts(year.byCategory)).toEqual(year.amounts);
      }
    }
  });
});

describe('span helpers and progress', () => {
  it('lists the years of a span and tests membership', () => {
    expect(fiscalYearsOfSpan(SPAN)).toEqual([2024, 2025, 2026]);
    expect(isFiscalYearInSpan(2024, SPAN)).toBe(true);
    expect(isFiscalYearInSpan(2027, SPAN)).toBe(false);
  });

  it('gives progress towards a target in percent with one decimal', () => {
    expect(targetProgressPercent(11_000_000_000n, 33_000_000_000n)).toBe(33.3);
    expect(targetProgressPercent(33_000_000_000n, 33_000_000_000n)).toBe(100);
    expect(targetProgressPercent(40_000_000_000n, 33_000_000_000n)).toBe(121.2);
    expect(targetProgressPercent(5n, 0n)).toBe(0);
    expect(targetProgressPercent(-3_300_000_000n, 33_000_000_000n)).toBe(-10);
  });

  it('labels categories as the city does', () => {
    expect(EFFECT_CATEGORY_LABELS.expenditure_cut.ja).toBe('歳出削減');
    expect(EFFECT_CATEGORY_LABELS.revenue_gain.ja).toBe('歳入確保');
  });
});
