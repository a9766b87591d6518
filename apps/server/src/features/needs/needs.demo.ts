import type { NeedChannel, NeedSide, NeedStatus } from '@totonoe/domain';
import { and, eq } from 'drizzle-orm';
import { analyses, initiatives } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/audit.ts';
import type { DemoExtension } from '../../seed/load-demo-data.ts';
import { createNeed } from './create-need.ts';
import { replaceNeedLinks } from './replace-need-links.ts';
import { updateNeed } from './update-need.ts';

type NeedSeed = {
  side: NeedSide;
  channel: NeedChannel;
  on: string;
  unit: string;
  body: string;
  clusters: number[];
  analysis?: number;
  initiative?: string;
  reporter?: { name: string; contact: string };
  status?: NeedStatus;
  publicText?: string | null;
};

/** Voices of FY2024 about the five analysed clusters (13, 22, 23, 25, 34), from citizens and from staff. */
const NEED_SEEDS: NeedSeed[] = [
  {
    side: 'recipient',
    channel: 'complaint',
    on: '2024-04-12',
    unit: 'kodomo-hoiku',
    body: '第一希望の保育所に入れず、兄弟で別々の園に通わせている。送迎だけで朝1時間かかる。連絡は090-1234-5678まで。',
    clusters: [22],
    analysis: 22,
    initiative: '公立保育所の適正配置計画の策定',
    reporter: { name: '山田 花子', contact: '090-1234-5678' },
    status: 'answered',
    publicText: '第一希望の保育所に入れず、兄弟で別々の園に通わせている。送迎だけで朝1時間かかる。',
  },
  {
    side: 'recipient',
    channel: 'survey',
    on: '2024-05-20',
    unit: 'kodomo-hoiku',
    body: '保育所の空き状況を、窓口に行かなくてもネットで確認できるようにしてほしい。',
    clusters: [22],
    analysis: 22,
    publicText: null,
  },
  {
    side: 'bearer',
    channel: 'hearing',
    on: '2024-06-18',
    unit: 'kodomo-hoiku',
    body: '公立保育所の保育士の半数近くが会計年度任用職員で、医療的ケア児の受入れに必要な看護師の確保が難しい。',
    clusters: [22],
    analysis: 22,
  },
  {
    side: 'recipient',
    channel: 'counter',
    on: '2024-07-03',
    unit: 'kodomo',
    body: '児童手当の申請で、同じ内容を3枚の書類に書かされた。マイナンバーカードで済ませたい。',
    clusters: [23],
    analysis: 23,
    initiative: '子育て支援手続のオンライン化',
    status: 'answered',
    publicText: null,
  },
  {
    side: 'recipient',
    channel: 'suggestion_box',
    on: '2024-07-25',
    unit: 'kodomo',
    body: '一時預かりの予約が電話のみで、平日の昼間にしかつながらない。共働きでは予約できない。',
    clusters: [23],
    initiative: '子育て支援手続のオンライン化',
  },
  {
    side: 'bearer',
    channel: 'hearing',
    on: '2024-08-08',
    unit: 'kodomo',
    body: '子育て支援の補助事業が国・県・市で似たものが並び、窓口職員も案内に迷う。一覧で比較できる資料がほしい。',
    clusters: [23],
    analysis: 23,
  },
  {
    side: 'recipient',
    channel: 'council',
    on: '2024-09-12',
    unit: 'kodomo-seishonen',
    body: '青少年施設の利用者が減っている。中高生が放課後に行きたくなる運営に変えるべきではないか（9月議会 一般質問）。',
    clusters: [25],
    analysis: 25,
    initiative: '青少年施設の協働運営への移行',
    status: 'answered',
    publicText: null,
  },
  {
    side: 'bearer',
    channel: 'hearing',
    on: '2024-06-27',
    unit: 'kodomo-seishonen',
    body: '指定管理者として地域団体と連携した企画をしたいが、仕様書で事業内容が細かく決められていて自由度がない。',
    clusters: [25],
    analysis: 25,
  },
  {
    side: 'recipient',
    channel: 'survey',
    on: '2024-08-30',
    unit: 'kodomo-seishonen',
    body: '子ども食堂を手伝いたいが、どこに相談すればよいか分からない。ボランティアの窓口を一本化してほしい。',
    clusters: [25],
  },
  {
    side: 'recipient',
    channel: 'complaint',
    on: '2024-05-09',
    unit: 'kensetsu',
    body: '近所の公園の遊具が使用禁止のまま1年以上たつ。いつ直るのか知りたい。返信は park.user@example.jp へ。',
    clusters: [34],
    analysis: 34,
    reporter: { name: '佐藤 一郎', contact: 'park.user@example.jp' },
    status: 'answered',
    publicText: null,
  },
  {
    side: 'recipient',
    channel: 'survey',
    on: '2024-07-16',
    unit: 'kensetsu',
    body: '公園にカフェや売店があれば、子ども連れでもっと長く過ごせる。',
    clusters: [34],
    analysis: 34,
    initiative: 'Park-PFI による公園の整備・管理の見直し',
    publicText: null,
  },
  {
    side: 'bearer',
    channel: 'hearing',
    on: '2024-08-02',
    unit: 'kensetsu',
    body: '公園の除草・清掃の委託が公園ごとの単年度契約で、事業者が人を確保できない。複数年・エリア一括にしてほしい。',
    clusters: [34],
    analysis: 34,
  },
  {
    side: 'recipient',
    channel: 'survey',
    on: '2024-06-05',
    unit: 'shimin',
    body: '市民会館の利用料金が近隣の市より高く、サークルの発表会を市外で開いている。',
    clusters: [13],
    analysis: 13,
    initiative: '文化施設の料金体系と指定管理の見直し',
    publicText: null,
  },
  {
    side: 'bearer',
    channel: 'hearing',
    on: '2024-07-10',
    unit: 'shimin',
    body: '文化施設の指定管理者として、自主事業の収益を施設の改善に回せる仕組みがほしい。',
    clusters: [13],
    analysis: 13,
  },
  {
    side: 'recipient',
    channel: 'other',
    on: '2024-09-24',
    unit: 'shimin',
    body: '美術館の企画展の情報がSNSで流れてこない。若い人に届く広報をしてほしい。',
    clusters: [13],
    status: 'new',
  },
  {
    side: 'bearer',
    channel: 'suggestion_box',
    on: '2024-10-02',
    unit: 'ward-kokurakita',
    body: '区役所の窓口で、子育てと保育の手続が別々のカウンターに分かれていて、市民を何度も移動させている。',
    clusters: [22, 23],
    initiative: '区役所窓口の「書かない窓口」導入',
  },
];

/** The FY2024 needs, linked to clusters, analyses and initiatives; a few made public by the reform office. */
export const needDemo: DemoExtension = {
  name: 'needs',
  load: async (tx, context) => {
    const actor: Actor = {
      userId: context.userIdByLogin.get('reform')!,
      requestId: 'demo-data',
      ip: undefined,
    };
    for (const seed of NEED_SEEDS) {
      let row = await createNeed(tx, {
        fields: {
          side: seed.side,
          channel: seed.channel,
          body: seed.body,
          receivedOn: seed.on,
          orgUnitId: context.orgUnitIdByCode.get(seed.unit)!,
          reporterName: seed.reporter?.name ?? null,
          reporterContact: seed.reporter?.contact ?? null,
          status: 'new',
          isPublic: false,
          publicText: null,
        },
        actor,
      });
      const links: { kind: 'cluster' | 'analysis' | 'initiative'; targetId: string }[] = seed.clusters.map(
        (number) => ({
          kind: 'cluster',
          targetId: context.clusterIdByNumber.get(number)!,
        }),
      );
      if (seed.analysis) {
        const found = await tx
          .select({ id: analyses.id })
          .from(analyses)
          .where(
            and(
              eq(analyses.clusterId, context.clusterIdByNumber.get(seed.analysis)!),
              eq(analyses.fiscalYear, context.fiscalYear),
            ),
          );
        links.push({ kind: 'analysis', targetId: found[0]!.id });
      }
      if (seed.initiative) {
        const found = await tx
          .select({ id: initiatives.id })
          .from(initiatives)
          .where(eq(initiatives.title, seed.initiative));
        links.push({ kind: 'initiative', targetId: found[0]!.id });
      }
      if (seed.status !== 'new')
        row = await replaceNeedLinks(tx, { id: row.id, expectedVersion: row.version, links, actor });
      const changes = {
        ...(seed.status && seed.status !== 'new' ? { status: seed.status } : {}),
        ...(seed.publicText !== undefined ? { isPublic: true, publicText: seed.publicText } : {}),
      };
      if (Object.keys(changes).length > 0)
        await updateNeed(tx, { id: row.id, expectedVersion: row.version, changes, actor });
    }
  },
};
