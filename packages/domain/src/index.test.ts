import { describe, expect, it } from 'vitest';
import * as domain from './index';

describe('@totonoe/domain', () => {
  it('exports the required API from its entry point', () => {
    const required = [
      'fiscalYearOf',
      'fiscalYearRange',
      'isDateInFiscalYear',
      'fiscalYearLabel',
      'warekiYearLabel',
      'fiscalYearSchema',
      'quarterOfFiscalYear',
      'DATE_PRECISIONS',
      'preciseDate',
      'preciseDateSchema',
      'isValidIsoDate',
      'preciseDateLabel',
      'parsePreciseDateLabel',
      'comparePreciseDates',
      'preciseDateContains',
      'preciseDateOverlaps',
      'formatYen',
      'formatYenAuto',
      'parseYen',
      'yenSchema',
      'yenToJson',
      'foldWidth',
      'normalizeForSearch',
      'bigrams',
      'similarity',
      'truncateText',
      'ROLES',
      'SCOPED_ROLES',
      'roleLabel',
      'CLUSTER_GROUPS',
      'CLUSTER_KINDS',
      'clusterGroupLabel',
      'clusterKindLabel',
      'isKindAllowedForGroup',
      'ORG_UNIT_LEVELS',
      'orgUnitLevelLabel',
      'passwordSchema',
      'PASSWORD_MIN_LENGTH',
      'PASSWORD_MAX_LENGTH',
    ];
    const exported = domain as Record<string, unknown>;
    expect(required.filter((name) => exported[name] === undefined)).toEqual([]);
  });
});
