import { analysisStageLabel, fiscalYearLabel, scheduleLaneLabel, scheduleSpanLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import { listClustersWithAnalyses } from '../dashboard/index.ts';
import { loadSchedule } from '../schedule/index.ts';
import { listMeetingsOfYear } from './reports.queries.ts';
import {
  decisionRows,
  effectRows,
  initiativeRows,
  needRows,
  platinumIssueRows,
  policyRows,
  type Row,
} from './stream-rows.ts';

/** How a column is written: text, a count, whole yen, a calendar date (ISO), or yes/no. */
export type ColumnType = 'text' | 'number' | 'yen' | 'date' | 'boolean';

export type Column = { key: string; header: string; type: ColumnType; width?: number };

/** A list the reports can write as a sheet or a CSV file. */
export type TabularResource = {
  id: string;
  /** The sheet's name and the CSV file's title (Japanese, at most 31 characters for Excel). */
  title: string;
  columns: Column[];
  load: (db: Executor, fiscalYear: number) => Promise<Row[]>;
};

const text = (key: string, header: string, width = 16): Column => ({ key, header, type: 'text', width });
const number = (key: string, header: string, width = 10): Column => ({ key, header, type: 'number', width });
const date = (key: string, header: string): Column => ({ key, header, type: 'date', width: 12 });

const PRECISION_LABELS: Record<string, string> = {
  day: '日',
  early: '上旬',
  mid: '中旬',
  late: '下旬',
  month: '月',
  quarter: '四半期',
  half: '半期',
  year: '年度',
};

/** The signed-in lists: the sheets of the progress workbook and the CSV downloads, in workbook order. */
export const REPORT_RESOURCES: TabularResource[] = [
  {
    id: 'clusters',
    title: 'クラスター',
    columns: [
      number('number', '番号', 6),
      text('name', '事業クラスター', 36),
      text('group', 'グループ', 18),
      text('kind', '施策の種類', 18),
      text('owners', '所管', 20),
      { key: 'isTarget', header: '経営分析の対象', type: 'boolean', width: 12 },
      text('stage', '段階', 12),
      text('fiscalYear', '年度', 12),
    ],
    load: async (db, fiscalYear) =>
      (await listClustersWithAnalyses(db, fiscalYear)).map((cluster) => ({
        number: cluster.number,
        name: cluster.name,
        group: cluster.groupName,
        kind: cluster.kindName,
        owners: cluster.ownerNames.join('、'),
        isTarget: cluster.analysisId !== null,
        stage: cluster.stage ? analysisStageLabel(cluster.stage) : null,
        fiscalYear: fiscalYearLabel(fiscalYear),
      })),
  },
  {
    id: 'analyses',
    title: '経営分析',
    columns: [
      number('number', '番号', 6),
      text('name', '事業クラスター', 36),
      text('group', 'グループ', 18),
      text('kind', '施策の種類', 18),
      text('owners', '所管', 20),
      text('stage', '段階', 12),
      { key: 'isPublished', header: '公表', type: 'boolean', width: 8 },
    ],
    load: async (db, fiscalYear) =>
      (await listClustersWithAnalyses(db, fiscalYear))
        .filter((cluster) => cluster.analysisId !== null)
        .map((cluster) => ({
          number: cluster.number,
          name: cluster.name,
          group: cluster.groupName,
          kind: cluster.kindName,
          owners: cluster.ownerNames.join('、'),
          stage: cluster.stage ? analysisStageLabel(cluster.stage) : null,
          isPublished: cluster.isPublished ?? false,
        })),
  },
  {
    id: 'meetings',
    title: 'X会議',
    columns: [
      number('sequence', '回', 6),
      text('title', '会議', 18),
      text('when', '日程', 12),
      text('precision', '日程の精度', 10),
      date('start', '日程（から）'),
      date('end', '日程（まで）'),
      date('heldOn', '開催日'),
      text('status', '状況', 10),
      text('place', '場所', 16),
    ],
    load: async (db, fiscalYear) =>
      (await listMeetingsOfYear(db, fiscalYear)).map((meeting) => {
        const span = {
          precision: meeting.plannedPrecision,
          start: meeting.plannedStart,
          end: meeting.plannedEnd,
        };
        return {
          sequence: meeting.sequence,
          title: meeting.title,
          when: meeting.actualDate
            ? scheduleSpanLabel({ precision: 'day', start: meeting.actualDate, end: meeting.actualDate })
            : scheduleSpanLabel(span),
          precision: PRECISION_LABELS[meeting.plannedPrecision] ?? meeting.plannedPrecision,
          start: meeting.plannedStart,
          end: meeting.plannedEnd,
          heldOn: meeting.actualDate,
          status: meeting.actualDate ? '開催済み' : '開催予定',
          place: meeting.place,
        };
      }),
  },
  {
    id: 'decisions',
    title: '決定事項',
    columns: [
      text('meeting', '会議', 16),
      date('heldOn', '開催日'),
      text('agendaItem', '議題', 30),
      text('body', '決定事項', 60),
    ],
    load: decisionRows,
  },
  {
    id: 'policies',
    title: '局区X方針',
    columns: [
      text('orgUnit', '局・区・室', 18),
      text('title', '件名', 40),
      number('version', '版', 6),
      text('status', '状態', 12),
      date('approvedOn', '決裁日'),
      date('publishedOn', '公表日'),
    ],
    load: policyRows,
  },
  {
    id: 'initiatives',
    title: '取組',
    columns: [
      text('title', '取組', 40),
      text('orgUnit', '所管', 18),
      text('source', '出典', 18),
      text('status', '進捗', 10),
      text('health', '健全性', 10),
      date('lastUpdateOn', '最終報告日'),
    ],
    load: initiativeRows,
  },
  {
    id: 'effects',
    title: '効果額',
    columns: [
      text('title', '件名', 40),
      text('fiscalYear', '年度', 12),
      text('category', '区分', 10),
      text('recurrence', '単年度・継続', 10),
      text('stage', '見込み・実績', 10),
      { key: 'amount', header: '金額（円）', type: 'yen', width: 18 },
      text('orgUnit', '所管', 18),
    ],
    load: effectRows,
  },
  {
    id: 'platinum-issues',
    title: 'プラチナ課題',
    columns: [
      number('number', '番号', 6),
      text('title', '課題', 40),
      text('theme', 'テーマ', 12),
      text('status', '状態', 12),
      text('orgUnit', '所管局', 18),
      date('dueOn', '検討期限'),
      text('response', '対応方針（公表済み）', 60),
    ],
    load: platinumIssueRows,
  },
  {
    id: 'schedule',
    title: '年間日程',
    columns: [
      text('lane', '区分', 20),
      text('label', '項目', 50),
      text('when', '時期', 14),
      text('precision', '精度', 8),
      date('start', '開始日'),
      date('end', '終了日'),
      text('source', '出典', 12),
    ],
    load: async (db, fiscalYear) =>
      (await loadSchedule(db, fiscalYear)).entries.map((entry) => ({
        lane: scheduleLaneLabel(entry.lane),
        label: entry.label,
        when: scheduleSpanLabel(entry.span),
        precision: PRECISION_LABELS[entry.span.precision] ?? entry.span.precision,
        start: entry.span.start,
        end: entry.span.end,
        source: entry.source === 'office' ? '登録' : '記録から',
      })),
  },
  {
    id: 'needs',
    title: 'ニーズ・課題',
    columns: [
      text('side', '区分', 10),
      text('channel', '把握経路', 14),
      date('receivedOn', '受付日'),
      text('orgUnit', '所管', 18),
      text('status', '状態', 10),
      text('body', '内容', 60),
    ],
    load: needRows,
  },
];

/** The resource with this id, or undefined. */
export function findReportResource(id: string): TabularResource | undefined {
  return REPORT_RESOURCES.find((resource) => resource.id === id);
}
