import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/lib/format';
import { useLanguage, useT } from '@/lib/i18n/i18n-provider';
import type { OrgUnit } from '../types';
import { isInEffect, type OrgUnitNode } from '../utils/org-unit-tree';

type OrgUnitTreeProps = {
  roots: OrgUnitNode[];
  today: string;
  onEdit: (unit: OrgUnit) => void;
  onAddChild: (parent: OrgUnit) => void;
};

/**
 * The organisation as nested lists (screen readers announce the list levels), each unit with
 * its level, code, period and actions.
 */
export function OrgUnitTree({ roots, today, onEdit, onAddChild }: OrgUnitTreeProps) {
  const t = useT();
  const { language } = useLanguage();

  const renderNode = (node: OrgUnitNode) => {
    const { unit } = node;
    const isCurrent = isInEffect(unit, today);
    return (
      <li key={unit.id} className="border-l-2 border-solid-gray-200 pl-4">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
          <span lang="ja" className="text-std-16B-170 text-solid-gray-900">
            {unit.name}
          </span>
          <Badge tone="info">{t(`orgUnits.level.${unit.level}`)}</Badge>
          {isCurrent ? null : <Badge tone="inactive">{t('orgUnits.notInEffect')}</Badge>}
          <span className="text-std-16N-170 text-solid-gray-700">
            {t('orgUnits.codeValue', { code: unit.code })}
            {' · '}
            {t('orgUnits.period', {
              from: formatDate(unit.effectiveFrom, language, { weekday: false }),
              to: unit.effectiveTo
                ? formatDate(unit.effectiveTo, language, { weekday: false })
                : t('orgUnits.periodOpen'),
            })}
          </span>
          <span className="flex gap-2">
            <Button
              variant="tertiary"
              size="xs"
              aria-label={t('orgUnits.editNamed', { name: unit.name })}
              onClick={() => onEdit(unit)}
            >
              {t('common.edit')}
            </Button>
            <Button
              variant="tertiary"
              size="xs"
              aria-label={t('orgUnits.addChildNamed', { name: unit.name })}
              onClick={() => onAddChild(unit)}
            >
              {t('orgUnits.addChild')}
            </Button>
          </span>
        </div>
        {node.children.length > 0 ? <ul className="ml-2">{node.children.map(renderNode)}</ul> : null}
      </li>
    );
  };

  if (roots.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{t('orgUnits.none')}</p>;
  return <ul aria-label={t('orgUnits.treeLabel')}>{roots.map(renderNode)}</ul>;
}
