import type { BenchmarkDirection, DirectionKind, Report, Section } from '../types';
import { thousandsTextToYen, yenToThousandsText } from './yen';

/**
 * The report's sections as forms hold them: numbers as the text typed (so 「12.」 can be typed on
 * the way to 「12.5」), amounts in 千円. `toReportSection` turns a form back into what the API takes.
 */
export type SectionForms = {
  conclusion: { text: string };
  currentState: {
    text: string;
    annualCost: string;
    staffCount: string;
    volumes: { label: string; value: string; unit: string }[];
    budgetLines: { name: string; amount: string; legalBasis: string; note: string }[];
  };
  needs: { text: string; needIds: string[] };
  comparison: { text: string };
  issues: { items: { title: string; detail: string }[] };
  directions: { items: { kind: DirectionKind; title: string; detail: string }[] };
  roadmap: { steps: { fiscalYear: string; quarter: string; title: string; detail: string }[] };
  effects: { text: string };
  kpis: {
    items: {
      name: string;
      unit: string;
      direction: BenchmarkDirection;
      baselineYear: string;
      baselineValue: string;
      targets: string;
      actuals: string;
    }[];
  };
};

export type FormProblem = { path: string; key: 'number' | 'amount' | 'year' | 'yearValues' | 'required' };

const numberText = (value: number | null) => (value === null ? '' : String(value));
const yearValuesText = (pairs: { fiscalYear: number; value: number }[]) =>
  pairs.map((pair) => `${pair.fiscalYear}:${pair.value}`).join(', ');

/** The form of a section from the report as the API gives it. */
export function toSectionForm<S extends Section>(section: S, report: Report): SectionForms[S] {
  const forms: { [K in Section]: () => SectionForms[K] } = {
    conclusion: () => ({ ...report.conclusion }),
    comparison: () => ({ ...report.comparison }),
    effects: () => ({ ...report.effects }),
    needs: () => ({ text: report.needs.text, needIds: [...report.needs.needIds] }),
    currentState: () => ({
      text: report.currentState.text,
      annualCost:
        report.currentState.annualCost === null ? '' : yenToThousandsText(report.currentState.annualCost),
      staffCount: numberText(report.currentState.staffCount),
      volumes: report.currentState.volumes.map((volume) => ({ ...volume, value: String(volume.value) })),
      budgetLines: report.currentState.budgetLines.map((line) => ({
        ...line,
        amount: yenToThousandsText(line.amount),
      })),
    }),
    issues: () => ({ items: report.issues.items.map((item) => ({ ...item })) }),
    directions: () => ({ items: report.directions.items.map((item) => ({ ...item })) }),
    roadmap: () => ({
      steps: report.roadmap.steps.map((step) => ({
        ...step,
        fiscalYear: String(step.fiscalYear),
        quarter: step.quarter === null ? '' : String(step.quarter),
      })),
    }),
    kpis: () => ({
      items: report.kpis.items.map((item) => ({
        name: item.name,
        unit: item.unit,
        direction: item.direction,
        baselineYear: item.baseline ? String(item.baseline.fiscalYear) : '',
        baselineValue: item.baseline ? String(item.baseline.value) : '',
        targets: yearValuesText(item.targets),
        actuals: yearValuesText(item.actuals),
      })),
    }),
  };
  return forms[section]();
}

function fold(text: string): string {
  return text.normalize('NFKC').replace(/,/g, '').trim();
}

function readNumber(text: string, path: string, problems: FormProblem[]): number | null {
  const folded = fold(text);
  if (folded === '') return null;
  const value = Number(folded);
  if (!Number.isFinite(value)) {
    problems.push({ path, key: 'number' });
    return null;
  }
  return value;
}

function readYear(text: string, path: string, problems: FormProblem[]): number {
  const value = Number(fold(text));
  if (!Number.isInteger(value) || value < 1989 || value > 2100) problems.push({ path, key: 'year' });
  return value;
}

function readYearValues(text: string, path: string, problems: FormProblem[]) {
  const pairs: { fiscalYear: number; value: number }[] = [];
  for (const part of text.normalize('NFKC').split(/[,、]/)) {
    if (!part.trim()) continue;
    const match = /^\s*(\d{4})\s*[:：]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match) {
      problems.push({ path, key: 'yearValues' });
      continue;
    }
    pairs.push({ fiscalYear: Number(match[1]), value: Number(match[2]) });
  }
  return pairs;
}

/** The section as the API takes it, or the problems found in what was typed. */
export function toReportSection<S extends Section>(
  section: S,
  form: SectionForms[S],
): { ok: true; value: Report[S] } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  let value: unknown;
  switch (section) {
    case 'currentState': {
      const current = form as SectionForms['currentState'];
      const annualCost = fold(current.annualCost) === '' ? null : thousandsTextToYen(current.annualCost);
      if (fold(current.annualCost) !== '' && annualCost === null)
        problems.push({ path: 'annualCost', key: 'amount' });
      value = {
        text: current.text,
        annualCost,
        staffCount: readNumber(current.staffCount, 'staffCount', problems),
        volumes: current.volumes.map((volume, index) => ({
          label: volume.label,
          value: readNumber(volume.value, `volumes.${index}.value`, problems) ?? 0,
          unit: volume.unit,
        })),
        budgetLines: current.budgetLines.map((line, index) => {
          const amount = thousandsTextToYen(line.amount);
          if (amount === null) problems.push({ path: `budgetLines.${index}.amount`, key: 'amount' });
          return { name: line.name, amount: amount ?? '0', legalBasis: line.legalBasis, note: line.note };
        }),
      };
      break;
    }
    case 'roadmap': {
      const roadmap = form as SectionForms['roadmap'];
      value = {
        steps: roadmap.steps.map((step, index) => ({
          fiscalYear: readYear(step.fiscalYear, `steps.${index}.fiscalYear`, problems),
          quarter: step.quarter === '' ? null : Number(step.quarter),
          title: step.title,
          detail: step.detail,
        })),
      };
      break;
    }
    case 'kpis': {
      const kpis = form as SectionForms['kpis'];
      value = {
        items: kpis.items.map((item, index) => {
          const hasBaseline = fold(item.baselineYear) !== '' || fold(item.baselineValue) !== '';
          return {
            name: item.name,
            unit: item.unit,
            direction: item.direction,
            baseline: hasBaseline
              ? {
                  fiscalYear: readYear(item.baselineYear, `items.${index}.baselineYear`, problems),
                  value: readNumber(item.baselineValue, `items.${index}.baselineValue`, problems) ?? 0,
                }
              : null,
            targets: readYearValues(item.targets, `items.${index}.targets`, problems),
            actuals: readYearValues(item.actuals, `items.${index}.actuals`, problems),
          };
        }),
      };
      break;
    }
    default:
      value = form;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as Report[S] };
}
