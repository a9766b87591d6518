import { fiscalYearOf } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { listFiscalYears } from './fiscal-years.queries.ts';

/** The fiscal year a request means: the one asked for (which must exist), else today's, else the latest. */
export async function resolveFiscalYear(db: Executor, requested: number | undefined): Promise<number> {
  const years = (await listFiscalYears(db)).map((row) => row.year);
  if (requested !== undefined) {
    if (!years.includes(requested)) {
      throw new AppError('not_found', {
        messages: {
          ja: `${requested}年度のデータはありません。`,
          en: `There is no data for fiscal year ${requested}.`,
        },
      });
    }
    return requested;
  }
  const current = fiscalYearOf(new Date());
  if (years.includes(current)) return current;
  const latest = years.at(-1);
  if (latest === undefined)
    throw new AppError('not_found', {
      messages: { ja: '年度が登録されていません。', en: 'No fiscal year exists yet.' },
    });
  return latest;
}
