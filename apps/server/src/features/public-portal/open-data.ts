import { analysisStageLabel, scheduleSpanLabel } from '@totonoe/domain';
import type { Executor } from '../../db/client.ts';
import type { CacheTopic } from '../../lib/response-cache.ts';
import type { Column, Row } from '../reports/index.ts';
import {
  PUBLIC_MEETINGS_TOPIC,
  PUBLIC_NEEDS_TOPIC,
  PUBLIC_PLATINUM_TOPIC,
  PUBLIC_POLICIES_TOPIC,
  REFERENCE_TOPIC,
} from './cache-topics.ts';
import {
  publishedClusters,
  publishedMeetings,
  publishedNeeds,
  publishedPlatinumResponses,
  publishedPolicies,
} from './published-sources.ts';

/** A published list offered as open data, in CSV and JSON. */
export type OpenDataset = {
  id: string;
  title: string;
  description: string;
  columns: Column[];
  /** The cache topics whose change may change the dataset's rows. */
  topics: CacheTopic[];
  load: (db: Executor, fiscalYear: number) => Promise<Row[]>;
};

const text = (key: string, header: string): Column => ({ key, header, type: 'text' });
const number = (key: string, header: string): Column => ({ key, header, type: 'number' });
const date = (key: string, header: string): Column => ({ key, header, type: 'date' });

/** The licence the data is offered under (the terms most Japanese local governments use for open data). */
export const OPEN_DATA_LICENSE = {
  id: 'CC-BY-4.0',
  name: 'クリエイティブ・コモンズ 表示 4.0 国際',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
};

/** Every open dataset, in the order the index lists them. */
export const OPEN_DATASETS: OpenDataset[] = [
  {
    id: 'clusters',
    topics: [REFERENCE_TOPIC],
    title: '事業クラスター一覧',
    description:
      '経営分析の対象となる事業クラスター（番号・名称・グループ・種類・所管・その年度の分析対象かどうか）',
    columns: [
      number('number', '番号'),
      text('name', '事業クラスター'),
      text('group', 'グループ'),
      text('kind', '施策の種類'),
      text('owners', '所管'),
      { key: 'isAnalysisTarget', header: '経営分析の対象', type: 'boolean' },
      text('stage', '経営分析の段階（公表分）'),
    ],
    load: async (db, fiscalYear) =>
      (await publishedClusters(db, fiscalYear)).map((cluster) => ({
        number: cluster.number,
        name: cluster.name,
        group: cluster.group,
        kind: cluster.kind,
        owners: cluster.owners.join('、'),
        isAnalysisTarget: cluster.isAnalysisTarget,
        stage: cluster.stage ? analysisStageLabel(cluster.stage) : null,
      })),
  },
  {
    id: 'meetings',
    topics: [REFERENCE_TOPIC, PUBLIC_MEETINGS_TOPIC],
    title: 'X会議の開催状況',
    description: '公開のX会議の回・名称・予定（上旬などの精度のまま）・開催日・場所・動画（公開分）',
    columns: [
      number('sequence', '回'),
      text('title', '会議'),
      text('planned', '予定'),
      text('precision', '予定の精度'),
      date('plannedStart', '予定（から）'),
      date('plannedEnd', '予定（まで）'),
      date('heldOn', '開催日'),
      text('place', '場所'),
      text('videoUrl', '動画'),
    ],
    load: async (db, fiscalYear) =>
      (await publishedMeetings(db, fiscalYear)).map((meeting) => ({
        sequence: meeting.sequence,
        title: meeting.title,
        planned: scheduleSpanLabel(meeting.planned),
        precision: meeting.planned.precision,
        plannedStart: meeting.planned.start,
        plannedEnd: meeting.planned.end,
        heldOn: meeting.heldOn,
        place: meeting.place,
        videoUrl: meeting.videoUrl,
      })),
  },
  {
    id: 'analyses',
    topics: [REFERENCE_TOPIC],
    title: '経営分析（公表分）',
    description: '公表された経営分析の対象クラスターと段階',
    columns: [
      number('number', '番号'),
      text('name', '事業クラスター'),
      text('group', 'グループ'),
      text('stage', '段階'),
    ],
    load: async (db, fiscalYear) =>
      (await publishedClusters(db, fiscalYear))
        .filter((cluster) => cluster.publishedAnalysisId !== null)
        .map((cluster) => ({
          number: cluster.number,
          name: cluster.name,
          group: cluster.group,
          stage: cluster.stage ? analysisStageLabel(cluster.stage) : null,
        })),
  },
  {
    id: 'bureau-policies',
    topics: [REFERENCE_TOPIC, PUBLIC_POLICIES_TOPIC],
    title: '局区X方針（公表分）',
    description: '公表された各局・区の X方針',
    columns: [
      text('orgUnit', '局・区・室'),
      text('title', '件名'),
      number('versionNumber', '版'),
      date('publishedOn', '公表日'),
    ],
    load: async (db, fiscalYear) =>
      (await publishedPolicies(db, fiscalYear)).map((policy) => ({
        orgUnit: policy.orgUnit,
        title: policy.title,
        versionNumber: policy.versionNumber,
        publishedOn: policy.publishedAt ? isoDateInTokyo(policy.publishedAt) : null,
      })),
  },
  {
    id: 'needs',
    topics: [REFERENCE_TOPIC, PUBLIC_NEEDS_TOPIC],
    title: '受け手・担い手のニーズ・課題（公表分）',
    description: '市政変革室が公表したニーズ・課題（個人を特定できる情報は含みません）',
    columns: [
      text('side', '区分'),
      text('channel', '把握経路'),
      date('receivedOn', '受付日'),
      text('orgUnit', '所管'),
      text('text', '内容'),
      text('clusters', '関連する事業クラスター'),
    ],
    load: async (db, fiscalYear) =>
      (await publishedNeeds(db, fiscalYear)).map((need) => ({
        side: need.sideLabel.ja,
        channel: need.channelLabel.ja,
        receivedOn: need.receivedOn,
        orgUnit: need.orgUnit.name,
        text: need.text,
        clusters: need.clusters.map((cluster) => `${cluster.number} ${cluster.name}`).join('、'),
      })),
  },
  {
    id: 'platinum-responses',
    topics: [REFERENCE_TOPIC, PUBLIC_PLATINUM_TOPIC],
    title: 'プラチナ市役所プロジェクト 対応方針（公表分）',
    description: '関係局長が表明した対応方針（アイデアの投稿者は含みません）',
    columns: [
      number('number', '番号'),
      text('title', '課題'),
      text('theme', 'テーマ'),
      text('orgUnit', '所管局'),
      text('response', '対応方針'),
      date('publishedOn', '公表日'),
    ],
    load: async (db, fiscalYear) => publishedPlatinumResponses(db, fiscalYear),
  },
];

function isoDateInTokyo(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(instant);
}

/** The dataset with this id, or undefined. */
export function findOpenDataset(id: string): OpenDataset | undefined {
  return OPEN_DATASETS.find((dataset) => dataset.id === id);
}
