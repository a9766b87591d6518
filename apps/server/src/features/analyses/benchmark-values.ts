import { AppError, type FieldError } from '../../lib/errors.ts';

export type BenchmarkValueInput = { subject: string; isOwnCity: boolean; year: number; value: number };

/**
 * Checks the values of one indicator: one value per subject and year, one subject is this city
 * (and it is always the same one), a subject is this city in every year or in none.
 */
export function benchmarkValueErrors(values: BenchmarkValueInput[], pathPrefix = 'values'): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const ownFlagBySubject = new Map<string, boolean>();
  for (const [index, value] of values.entries()) {
    const key = `${value.subject}\u0000${value.year}`;
    if (seen.has(key)) {
      errors.push({
        path: `${pathPrefix}.${index}`,
        messages: {
          ja: `「${value.subject}」の${value.year}年度の値が重複しています。`,
          en: `There are two values for ${value.subject} in ${value.year}.`,
        },
      });
    }
    seen.add(key);
    const flag = ownFlagBySubject.get(value.subject);
    if (flag !== undefined && flag !== value.isOwnCity) {
      errors.push({
        path: `${pathPrefix}.${index}.isOwnCity`,
        messages: {
          ja: `「${value.subject}」が本市かどうかが年度によって異なります。`,
          en: `${value.subject} is marked as this city in some years only.`,
        },
      });
    }
    ownFlagBySubject.set(value.subject, value.isOwnCity);
  }
  const ownSubjects = [...ownFlagBySubject].filter(([, isOwn]) => isOwn);
  if (ownSubjects.length > 1) {
    errors.push({
      path: pathPrefix,
      messages: { ja: '本市として指定できるのは1つだけです。', en: 'Only one subject can be this city.' },
    });
  }
  return errors;
}

/** Throws 400 with the errors of the values, if any. */
export function assertBenchmarkValues(values: BenchmarkValueInput[]): void {
  const errors = benchmarkValueErrors(values);
  if (errors.length > 0) throw new AppError('validation_failed', { fieldErrors: errors });
}
