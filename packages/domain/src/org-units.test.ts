import { describe, expect, it } from 'vitest';
import { ORG_UNIT_LEVELS, type OrgUnitLevel, orgUnitLevelLabel, orgUnitLevelSchema } from './org-units';

describe('org unit levels', () => {
  it('list 局, 区, 室, 部, 課, 係 in order', () => {
    expect(ORG_UNIT_LEVELS).toEqual(['bureau', 'ward', 'office', 'department', 'section', 'unit']);
    expect(ORG_UNIT_LEVELS.map((level) => orgUnitLevelLabel(level))).toEqual([
      '局',
      '区',
      '室',
      '部',
      '課',
      '係',
    ]);
    expect(ORG_UNIT_LEVELS.map((level) => orgUnitLevelLabel(level, 'en'))).toEqual([
      'Bureau',
      'Ward',
      'Office',
      'Department',
      'Section',
      'Unit',
    ]);
  });

  it('throws for an unknown level and validates with zod', () => {
    expect(() => orgUnitLevelLabel('team' as OrgUnitLevel)).toThrow(RangeError);
    expect(orgUnitLevelSchema.safeParse('section').success).toBe(true);
    expect(orgUnitLevelSchema.safeParse('課').success).toBe(false);
  });
});
