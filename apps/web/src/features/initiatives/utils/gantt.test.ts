import { describe, expect, it } from 'vitest';
import { ganttPlacement } from './gantt';

const columns = [1, 2, 3, 4]
  .map((quarter) => ({ fiscalYear: 2024, quarter }))
  .concat([{ fiscalYear: 2025, quarter: 1 }]);

describe('ganttPlacement', () => {
  it('places a span across fiscal years', () => {
    expect(
      ganttPlacement(
        { from: { fiscalYear: 2024, quarter: 3 }, to: { fiscalYear: 2025, quarter: 1 } },
        columns,
      ),
    ).toEqual({
      start: 2,
      span: 3,
    });
  });

  it('clips spans that run past the columns and drops those outside', () => {
    expect(
      ganttPlacement(
        { from: { fiscalYear: 2023, quarter: 4 }, to: { fiscalYear: 2024, quarter: 1 } },
        columns,
      ),
    ).toEqual({
      start: 0,
      span: 1,
    });
    expect(
      ganttPlacement(
        { from: { fiscalYear: 2025, quarter: 2 }, to: { fiscalYear: 2026, quarter: 4 } },
        columns,
      ),
    ).toBeNull();
    expect(
      ganttPlacement({ from: { fiscalYear: 2024, quarter: 1 }, to: { fiscalYear: 2024, quarter: 1 } }, []),
    ).toBeNull();
  });
});
