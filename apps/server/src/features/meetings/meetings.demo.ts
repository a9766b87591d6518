import type { Transaction } from '../../db/client.ts';
import type { Actor } from '../../lib/audit.ts';
import type { DemoContext, DemoExtension } from '../../seed/load-demo-data.ts';
import { findAction, recordInstruction, reportActionProgress } from '../actions/index.ts';
import { demoPdf } from './demo-pdf.ts';
import { findMeeting, listAnalysesOfYear } from './meetings.queries.ts';
import { addAgendaItem } from './save-agenda-item.ts';
import { recordDecision } from './save-decision.ts';
import { attachRedactedFile, updateMaterial, uploadMaterial } from './save-material.ts';
import { updateMeeting } from './save-meeting.ts';
import { createMinutes, transitionMinutes } from './save-minutes.ts';

const DEMO_FILE_LIMIT = 1024 * 1024;

type MaterialSeed = { title: string; fileName: string; pdfTitle: string; redactedNote?: string };
type InstructionSeed = { key: string; owner: string; body: string; dueDate: string };
type ItemSeed = {
  kind: 'analysis_report' | 'instruction_review' | 'other';
  title: string;
  presenter: string;
  analysisCluster?: number;
  reviews?: string[];
  materials: MaterialSeed[];
  decisions: string[];
  instructions: InstructionSeed[];
};
type MeetingSeed = {
  sequence: number;
  startTime: string;
  endTime: string;
  place: string;
  videoUrl: string;
  items: ItemSeed[];
  minutes: { body: string; approvedAt: string; publishedAt: string | null };
  publishedAt: string;
};

const analysisItem = (
  cluster: number,
  name: string,
  presenter: string,
  material: MaterialSeed,
  decisions: string[],
  instructions: InstructionSeed[] = [],
): ItemSeed => ({
  kind: 'analysis_report',
  title: `経営分析の経過報告（${name}）`,
  presenter,
  analysisCluster: cluster,
  materials: [material],
  decisions,
  instructions,
});

/** 第1回 and 第2回 of FY2024 as the seed deck's schedule gives them. */
const MEETING_SEEDS: MeetingSeed[] = [
  {
    sequence: 1,
    startTime: '10:00',
    endTime: '11:30',
    place: '本庁舎 特別会議室',
    videoUrl: 'https://video.example.jp/x-meeting/2024-01',
    publishedAt: '2024-07-29T10:00:00+09:00',
    items: [
      analysisItem(
        22,
        '保育所・幼稚園',
        'kodomo-hoiku',
        {
          title: '保育所・幼稚園の経営分析（経過報告）',
          fileName: '資料_保育所・幼稚園_経過報告.pdf',
          pdfTitle: 'Cluster 22: progress report',
        },
        ['公立保育所の役割と配置について、待機児童ゼロの維持を前提に方向性報告に向けて検討を進める。'],
        [
          {
            key: 'hoiku-cost',
            owner: 'kodomo',
            body: '公立保育所の運営コストについて、他の政令指定都市との比較分析を加え、次回会議で報告すること。',
            dueDate: '2024-08-20',
          },
        ],
      ),
      analysisItem(
        23,
        '子育て支援事業',
        'kodomo',
        {
          title: '子育て支援事業の経営分析（経過報告）',
          fileName: '資料_子育て支援事業_経過報告.pdf',
          pdfTitle: 'Cluster 23: progress report',
        },
        ['類似する給付・相談事業の整理を方向性報告の柱とする。'],
      ),
      analysisItem(
        25,
        '青少年関連事業',
        'kodomo-seishonen',
        {
          title: '青少年関連事業の経営分析（経過報告）',
          fileName: '資料_青少年関連事業_経過報告.pdf',
          pdfTitle: 'Cluster 25: progress report',
        },
        ['青少年施設の役割を、利用実態と民間・地域の活動を踏まえて整理する。'],
        [
          {
            key: 'seishonen-usage',
            owner: 'kodomo-seishonen',
            body: '青少年施設の利用状況を施設別・年代別に把握し、方向性報告の資料に反映すること。',
            dueDate: '2024-10-31',
          },
        ],
      ),
      analysisItem(
        34,
        '公園事業',
        'kensetsu',
        {
          title: '公園事業の経営分析（経過報告）',
          fileName: '資料_公園事業_経過報告.pdf',
          pdfTitle: 'Cluster 34: progress report',
          redactedNote: 'Contract amounts of individual maintenance contracts are redacted.',
        },
        ['利用実態を踏まえた公園の再編（集約・機能分担）を検討の柱とする。'],
        [
          {
            key: 'park-maintenance',
            owner: 'kensetsu',
            body: '公園の維持管理費の内訳（委託・直営）を整理し、指定管理者制度の活用可能性を示すこと。',
            dueDate: '2024-09-30',
          },
        ],
      ),
    ],
    minutes: {
      body: [
        '第1回X会議 議事要旨',
        '',
        '1 経営分析の経過報告（保育所・幼稚園、子育て支援事業、青少年関連事業、公園事業）',
        '・子ども家庭局及び建設局から、4つの事業クラスターの経営分析の経過を報告した。',
        '・市長から、公立保育所の運営コストを他の政令指定都市と比べて示すよう指示があった。',
        '・公園事業については、利用実態に応じた再編を検討の柱とすることを確認した。',
      ].join('\n'),
      approvedAt: '2024-07-26T17:00:00+09:00',
      publishedAt: '2024-07-29T10:00:00+09:00',
    },
  },
  {
    sequence: 2,
    startTime: '15:00',
    endTime: '16:00',
    place: '本庁舎 特別会議室',
    videoUrl: 'https://video.example.jp/x-meeting/2024-02',
    publishedAt: '2024-08-28T10:00:00+09:00',
    items: [
      analysisItem(
        13,
        '文化振興施策',
        'shimin',
        {
          title: '文化振興施策の経営分析（経過報告）',
          fileName: '資料_文化振興施策_経過報告.pdf',
          pdfTitle: 'Cluster 13: progress report',
        },
        ['文化施設の稼働率と事業の重複を整理し、方向性報告で施設と事業の再構築案を示す。'],
        [
          {
            key: 'culture-rates',
            owner: 'shimin',
            body: '文化施設の稼働率を時間帯別に示し、利用料金の見直し余地を検討すること。',
            dueDate: '2024-10-04',
          },
        ],
      ),
      {
        kind: 'instruction_review',
        title: '指示事項の対応状況（子ども家庭局）',
        presenter: 'kodomo',
        reviews: ['hoiku-cost'],
        materials: [
          {
            title: '公立保育所運営コストの政令指定都市比較',
            fileName: '資料_公立保育所運営コスト比較.pdf',
            pdfTitle: 'Operating cost of public nurseries: comparison',
          },
        ],
        decisions: ['公立保育所運営コストの比較分析の報告を了承し、第1回の指示事項を完了とする。'],
        instructions: [],
      },
    ],
    minutes: {
      body: [
        '第2回X会議 議事要旨',
        '',
        '1 経営分析の経過報告（文化振興施策）',
        '・市民文化スポーツ局から、文化振興施策の経営分析の経過を報告した。',
        '2 指示事項の対応状況',
        '・子ども家庭局から、公立保育所の運営コストの比較分析を報告し、了承された。',
      ].join('\n'),
      approvedAt: '2024-08-27T17:00:00+09:00',
      publishedAt: null,
    },
  },
];

function demoActor(context: DemoContext): Actor {
  return { userId: context.userIdByLogin.get('reform') ?? null, requestId: 'demo-data', ip: undefined };
}

function demoFile(meetingSequence: number, material: MaterialSeed, isRedacted: boolean) {
  const lines = [
    `FY2024 X Meeting No.${meetingSequence}`,
    material.pdfTitle,
    isRedacted ? `Redacted edition. ${material.redactedNote ?? ''}` : 'Demo material generated by Totonoe.',
  ];
  const fileName = isRedacted ? material.fileName.replace(/\.pdf$/, '_黒塗り.pdf') : material.fileName;
  return { fileName, bytes: demoPdf(lines) };
}

async function loadMeetingSeed(
  tx: Transaction,
  context: DemoContext,
  seed: MeetingSeed,
  actionIdByKey: Map<string, string>,
) {
  const actor = demoActor(context);
  const meetingId = context.meetingIdBySequence.get(seed.sequence)!;
  const analyses = await listAnalysesOfYear(tx, context.fiscalYear);
  const publishedAt = new Date(seed.publishedAt);
  const meetingDate = (await findMeeting(tx, meetingId))!.actualDate!;

  for (const item of seed.items) {
    const analysis = item.analysisCluster
      ? analyses.find((row) => row.clusterNumber === item.analysisCluster)
      : undefined;
    const { id: itemId } = await addAgendaItem(tx, {
      meetingId,
      fields: {
        kind: item.kind,
        title: item.title,
        presenterOrgUnitId: context.orgUnitIdByCode.get(item.presenter) ?? null,
        links: [
          ...(analysis
            ? [{ type: 'analysis' as const, id: analysis.id, analysisStage: 'progress_reported' as const }]
            : []),
          ...(item.reviews ?? []).map((key) => ({ type: 'action' as const, id: actionIdByKey.get(key)! })),
        ],
      },
      actor,
    });
    for (const material of item.materials) {
      let row = await uploadMaterial(tx, {
        meetingId,
        agendaItemId: itemId,
        title: material.title,
        isRedactionRequired: material.redactedNote !== undefined,
        file: demoFile(seed.sequence, material, false),
        limitBytes: DEMO_FILE_LIMIT,
        actor,
      });
      if (material.redactedNote) {
        row = await attachRedactedFile(tx, {
          meetingId,
          materialId: row.id,
          expectedVersion: row.version,
          file: demoFile(seed.sequence, material, true),
          limitBytes: DEMO_FILE_LIMIT,
          actor,
        });
      }
      await updateMaterial(tx, {
        meetingId,
        materialId: row.id,
        expectedVersion: row.version,
        changes: { isPublished: true },
        actor,
        now: publishedAt,
      });
    }
    for (const body of item.decisions)
      await recordDecision(tx, { meetingId, agendaItemId: itemId, body, actor });
    for (const instruction of item.instructions) {
      const action = await recordInstruction(tx, {
        meetingId,
        agendaItemId: itemId,
        body: instruction.body,
        ownerOrgUnitId: context.orgUnitIdByCode.get(instruction.owner)!,
        dueDate: instruction.dueDate,
        actor,
      });
      actionIdByKey.set(instruction.key, action.id);
    }
  }

  const minutes = await createMinutes(tx, { meetingId, body: seed.minutes.body, actor });
  const approved = await transitionMinutes(tx, {
    meetingId,
    expectedVersion: minutes.version,
    to: 'approved',
    actor,
    now: new Date(seed.minutes.approvedAt),
  });
  if (seed.minutes.publishedAt) {
    await transitionMinutes(tx, {
      meetingId,
      expectedVersion: approved.version,
      to: 'published',
      actor,
      now: new Date(seed.minutes.publishedAt),
    });
  }
  const meeting = (await findMeeting(tx, meetingId))!;
  await updateMeeting(tx, {
    id: meetingId,
    expectedVersion: meeting.version,
    changes: {
      actualDate: meetingDate,
      startTime: seed.startTime,
      endTime: seed.endTime,
      place: seed.place,
      videoUrl: seed.videoUrl,
      isAgendaPublished: true,
      isVideoPublished: true,
    },
    actor,
  });
}

/** Replays the owners' progress on the FY2024 instructions, up to closure at a later meeting. */
async function loadActionProgress(tx: Transaction, context: DemoContext, actionIdByKey: Map<string, string>) {
  const actor = demoActor(context);
  const owner = (login: string): Actor => ({ ...actor, userId: context.userIdByLogin.get(login) ?? null });
  const steps: {
    key: string;
    by: Actor;
    actorKind: 'owner' | 'reform_office';
    at: string;
    body: string;
    toStatus?: 'in_progress' | 'reported' | 'closed';
    reviewedAtSequence?: number;
  }[] = [
    {
      key: 'hoiku-cost',
      by: owner('kodomo-staff'),
      actorKind: 'owner',
      at: '2024-07-31T16:00:00+09:00',
      body: '政令指定都市20市の決算資料から、公立保育所の児童1人当たり運営費の比較に着手した。',
      toStatus: 'in_progress',
    },
    {
      key: 'hoiku-cost',
      by: owner('kodomo-head'),
      actorKind: 'owner',
      at: '2024-08-16T11:00:00+09:00',
      body: '比較分析をまとめ、第2回会議の資料として提出した。',
      toStatus: 'reported',
    },
    {
      key: 'hoiku-cost',
      by: actor,
      actorKind: 'reform_office',
      at: '2024-08-21T16:30:00+09:00',
      body: '第2回X会議で報告を了承。完了とする。',
      toStatus: 'closed',
      reviewedAtSequence: 2,
    },
    {
      key: 'park-maintenance',
      by: actor,
      actorKind: 'reform_office',
      at: '2024-08-05T10:00:00+09:00',
      body: '建設局公園緑地部にて、委託契約と直営作業の費用内訳を整理中。',
      toStatus: 'in_progress',
    },
  ];
  for (const step of steps) {
    const id = actionIdByKey.get(step.key)!;
    const row = (await findAction(tx, id))!;
    await reportActionProgress(tx, {
      id,
      expectedVersion: row.version,
      body: step.body,
      toStatus: step.toStatus,
      reviewedAtMeetingId:
        step.reviewedAtSequence !== undefined
          ? context.meetingIdBySequence.get(step.reviewedAtSequence)
          : undefined,
      actorKind: step.actorKind,
      actor: step.by,
      now: new Date(step.at),
    });
  }
}

/** FY2024 X meetings: 第1回 and 第2回 with agendas, materials, decisions, instructions, minutes and publication. */
export const meetingsDemo: DemoExtension = {
  name: 'meetings',
  load: async (tx, context) => {
    const actionIdByKey = new Map<string, string>();
    const [first, second] = MEETING_SEEDS;
    await loadMeetingSeed(tx, context, first!, actionIdByKey);
    // The first meeting's instructions are worked on between the meetings; one is closed at the second.
    const beforeSecond = new Map(actionIdByKey);
    await loadActionProgress(tx, context, beforeSecond);
    await loadMeetingSeed(tx, context, second!, actionIdByKey);
  },
};
