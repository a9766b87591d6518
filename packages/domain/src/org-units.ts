import { z } from 'zod';
import type { Locale, LocalizedText } from './messages';

/** Levels of the city's organisation tree: 局, 区, 室, 部, 課, 係. */
export const ORG_UNIT_LEVELS = ['bureau', 'ward', 'office', 'department', 'section', 'unit'] as const;

export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

/** Display names of each level. */
export const ORG_UNIT_LEVEL_LABELS: Readonly<Record<OrgUnitLevel, LocalizedText>> = {
  bureau: { ja: '局', en: 'Bureau' },
  ward: { ja: '区', en: 'Ward' },
  office: { ja: '室', en: 'Office' },
  department: { ja: '部', en: 'Department' },
  section: { ja: '課', en: 'Section' },
  unit: { ja: '係', en: 'Unit' },
};

/** Zod schema for an org unit level identifier. */
export const orgUnitLevelSchema = z.enum(ORG_UNIT_LEVELS);

// Returns the display name of an org unit level (局, 区, 室, 部, 課, 係 or the English name).
export function orgUnitLevelLabel(level: OrgUnitLevel, locale: Locale = 'ja'): string {
  const label = ORG_UNIT_LEVEL_LABELS[level];
  if (label === undefined) {
    throw new RangeError(`Unknown org unit level: ${JSON.stringify(level)}`);
  }
  return label[locale];
}
