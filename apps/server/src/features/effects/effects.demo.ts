import type { EffectCategory, EffectRecurrence, EffectStage } from '@totonoe/domain';
import { and, eq } from 'drizzle-orm';
import { analyses, initiatives } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/audit.ts';
import type { DemoExtension } from '../../seed/load-demo-data.ts';
import { loadOrgUnitTree } from '../bureau-policies/index.ts';
import { createEffect } from './create-effect.ts';
import { createTarget } from './save-target.ts';

const OKU = 100_000_000n;
const MAN = 10_000n;

type EffectSeed = {
  title: string;
  source: { initiative: string } | { analysisCluster: number };
  fiscalYear: number;
  category: EffectCategory;
  recurrence: EffectRecurrence;
  stage: EffectStage;
  amount: bigint;
  basis: string;
};

/**
 * The FY2024 ledger against 次世代投資枠: recurring cuts from the initiatives and analyses, a few
 * one-off gains, and one negative line (the cost of a new system) — about a quarter of the target.
 */
const EFFECT_SEEDS: EffectSeed[] = [
  {
    title: '公立保育所の再編による運営費の縮減',
    source: { initiative: '公立保育所の適正配置計画の策定' },
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: 4n * OKU + 2000n * MAN,
    basis: '再編対象3園の人件費・施設維持費（令和5年度決算）から、受入れ先の増員分を差し引いた額。',
  },
  {
    title: '公立保育所跡地の売却',
    source: { initiative: '公立保育所の適正配置計画の策定' },
    fiscalYear: 2026,
    category: 'revenue_gain',
    recurrence: 'one_off',
    stage: 'planned',
    amount: 6n * OKU + 5000n * MAN,
    basis: '跡地2か所の不動産鑑定評価額（令和6年度）。',
  },
  {
    title: '子育て支援手続のオンライン化による事務費の削減',
    source: { initiative: '子育て支援手続のオンライン化' },
    fiscalYear: 2024,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'actual',
    amount: 6000n * MAN,
    basis: '郵送・印刷費と会計年度任用職員の配置見直し（令和6年度実績）。',
  },
  {
    title: 'Park-PFI による公園管理費の縮減',
    source: { analysisCluster: 34 },
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: 1n * OKU + 5000n * MAN,
    basis: '経営分析（公園事業）の改革の方向性で示した候補3公園の維持管理費の見込み。',
  },
  {
    title: '青少年施設の協働運営による運営費の縮減',
    source: { analysisCluster: 25 },
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: 7000n * MAN,
    basis: '経営分析（青少年関連事業）のモデル館の試算。',
  },
  {
    title: '文化施設の利用料金の見直し',
    source: { analysisCluster: 13 },
    fiscalYear: 2025,
    category: 'revenue_gain',
    recurrence: 'recurring',
    stage: 'planned',
    amount: 9000n * MAN,
    basis: '政令市平均の料金水準に改定した場合の増収見込み（利用率の低下を1割と仮定）。',
  },
  {
    title: '「書かない窓口」による窓口業務の効率化',
    source: { initiative: '区役所窓口の「書かない窓口」導入' },
    fiscalYear: 2024,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'actual',
    amount: 3500n * MAN,
    basis: '窓口の応援職員の時間外勤務の削減（令和6年10月〜）。',
  },
  {
    title: '介護認定事務のペーパーレス化',
    source: { initiative: '介護認定事務のペーパーレス化' },
    fiscalYear: 2024,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'actual',
    amount: 2800n * MAN,
    basis: '審査会資料の印刷・郵送費（令和6年度実績）。',
  },
  {
    title: '道路照明のLED化による電気料金の削減',
    source: { initiative: '道路照明のLED化による電気料金の削減' },
    fiscalYear: 2024,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'actual',
    amount: 2n * OKU + 1000n * MAN,
    basis: '更新済み灯数の電気料金の差額（令和6年度実績）。',
  },
  {
    title: 'ごみ収集ルートの最適化による委託料の縮減',
    source: { initiative: 'ごみ収集ルートの最適化' },
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: 3n * OKU + 8000n * MAN,
    basis: '委託車両12台の削減（1台あたり年3,200万円）。',
  },
  {
    title: '運行管理システムの導入費',
    source: { initiative: 'ごみ収集ルートの最適化' },
    fiscalYear: 2024,
    category: 'expenditure_cut',
    recurrence: 'one_off',
    stage: 'actual',
    amount: -3000n * MAN,
    basis: '効果を生むための初期費用（令和6年度決算）。',
  },
  {
    title: 'BPR による業務時間の削減',
    source: { initiative: '全庁業務量調査とBPRの推進' },
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: 5n * OKU,
    basis: '対象20業務の削減時間（年9万時間）×平均人件費。',
  },
  {
    title: '公用車の集約による売却収入',
    source: { initiative: '全庁業務量調査とBPRの推進' },
    fiscalYear: 2024,
    category: 'revenue_gain',
    recurrence: 'one_off',
    stage: 'actual',
    amount: 4500n * MAN,
    basis: '公用車38台の売却額（令和6年度）。',
  },
  {
    title: '補助金の終期設定による見直し',
    source: { initiative: '補助金の終期設定と成果指標の義務化' },
    fiscalYear: 2025,
    category: 'expenditure_cut',
    recurrence: 'recurring',
    stage: 'planned',
    amount: 15n * OKU,
    basis: '令和7年度予算で終期を迎える補助金の廃止・縮小額の見込み。',
  },
];

/** The programme target and the FY2024 ledger, booked through the same use cases the API uses. */
export const effectDemo: DemoExtension = {
  name: 'effects',
  load: async (tx, context) => {
    const actor: Actor = {
      userId: context.userIdByLogin.get('reform')!,
      requestId: 'demo-data',
      ip: undefined,
    };
    const target = await createTarget(tx, {
      fields: {
        name: '次世代投資枠',
        description:
          '若者・子育て世代、産業振興、老朽化した施設への投資に充てる財源を、市政変革による歳出削減・歳入確保で3年間に生み出す。',
        amount: 33_000_000_000n,
        startFiscalYear: 2024,
        endFiscalYear: 2026,
      },
      actor,
    });
    const tree = await loadOrgUnitTree(tx);
    for (const seed of EFFECT_SEEDS) {
      let sourceId: string;
      if ('initiative' in seed.source) {
        const rows = await tx
          .select({ id: initiatives.id })
          .from(initiatives)
          .where(
            and(
              eq(initiatives.title, seed.source.initiative),
              eq(initiatives.fiscalYear, context.fiscalYear),
            ),
          );
        sourceId = rows[0]!.id;
      } else {
        const rows = await tx
          .select({ id: analyses.id })
          .from(analyses)
          .where(
            and(
              eq(analyses.clusterId, context.clusterIdByNumber.get(seed.source.analysisCluster)!),
              eq(analyses.fiscalYear, context.fiscalYear),
            ),
          );
        sourceId = rows[0]!.id;
      }
      await createEffect(tx, {
        input: {
          targetId: target.id,
          title: seed.title,
          fiscalYear: seed.fiscalYear,
          endFiscalYear: null,
          category: seed.category,
          recurrence: seed.recurrence,
          stage: seed.stage,
          amount: seed.amount,
          basis: seed.basis,
          sourceKind: 'initiative' in seed.source ? 'initiative' : 'analysis',
          sourceId,
        },
        tree,
        actor,
      });
    }
  },
};
