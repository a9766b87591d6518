import { useCallback } from 'react';
import { useLanguage } from '@/lib/i18n/i18n-provider';

/** The texts of the register's change forms (市政変革室), Japanese first, kept beside the feature. */
const ja = {
  stageFilter: '経営分析の段階',
  changesHeading: '事業クラスター一覧の変更（市政変革室）',
  changesLead:
    '変更は選んだ年度から適用され、それより前の年度の一覧はそのまま残ります。行った変更は、このページの「変更の記録」に載ります。',
  effectiveFrom: '適用年度（この年度から）',
  effectiveFromHint: '{year}より前の年度の一覧は変わりません。',
  note: '理由・メモ（任意）',
  noteHint: '「変更の記録」に、この変更の理由として載ります。',
  number: '番号',
  numberHint: '半角数字（1〜9999）。その年度の一覧でほかと重ならない番号にします。',
  name: '名称',
  group: 'グループ',
  kind: '種類',
  noKinds: 'このグループには種類がありません。',
  choose: '選択してください',
  owners: '所管組織',
  ownersHint: '経営分析を担当する局・区・室を選びます（複数可）。',
  noOwners: '所管組織なし',
  cancel: 'キャンセル',
  numberRequired: '番号を半角数字（1〜9999）で入力してください。',
  nameRequired: '名称を入力してください。',
  kindRequired: '種類を選んでください。',
  yearRequired: '適用年度を選んでください。',
  groupRequired: 'グループを選んでください。',
  newCluster: '新しい事業クラスター',

  addCluster: '事業クラスターを追加する',
  addTitle: '事業クラスターの追加',
  add: '追加する',
  adding: '追加しています…',
  added: '「{name}」を{year}から一覧に追加しました。',

  renameHeading: '名称・グループ・種類を変える',
  renameLead: '名称の変更、グループ・種類の付け替え（再分類）、番号の変更ができます。',
  rename: '変更を保存する',
  renamed: '{year}からの内容を保存しました。',
  noChange: '変更がありません。内容を変えてから保存してください。',

  ownersHeading: '所管組織を設定する',
  ownersLead:
    '所管組織は、この事業クラスターの経営分析を担う部局です。変更は「変更の記録」に、選んだ年度の変更として残ります。',
  ownersSave: '所管組織を保存する',
  ownersSaved: '所管組織を保存しました。',

  mergeHeading: 'ほかの事業クラスターと統合する',
  mergeLead:
    'この事業クラスターと選んだ事業クラスターは適用年度から一覧を外れ、新しい事業クラスターにまとまります。所管組織は、選ばなければ統合前のものを引き継ぎます。',
  mergeWith: '統合する相手（複数可）',
  mergeWithRequired: '統合する相手を1つ以上選んでください。',
  mergeInto: '統合後の事業クラスター',
  merge: '統合する',
  merged: '{year}から「{name}」に統合しました。',
  openMerged: '統合後の事業クラスターを開く',

  splitHeading: 'いくつかに分割する',
  splitLead:
    'この事業クラスターは適用年度から一覧を外れ、分割後の事業クラスターに分かれます。所管組織は分割前のものを引き継ぎます。',
  part: '分割後 {index}',
  addPart: '分割後の事業クラスターを1つ増やす',
  removePart: '分割後 {index} を取り除く',
  split: '分割する',
  splitDone: '{year}から{count}つに分割しました。',

  retireHeading: '廃止する',
  retireLead: '適用年度から一覧に載らなくなります。その年度以降の経営分析があるときは廃止できません。',
  retire: '廃止する',
  retired: '{year}から廃止しました。',

  staleTitle: '他の人が先にこの事業クラスターを変更しました',
  staleHelp: '最新の内容を読み込んでから、もう一度操作してください。',
  reload: '最新の内容を読み込む',
  notInRegister: 'この事業クラスターは一覧から外れています。変更できるのは一覧に載っている年度だけです。',
  noLaterYear:
    '統合・分割・廃止は、この事業クラスターが一覧に載った年度の翌年度以降から適用できますが、その年度はまだ始まっていません。経営分析の計画の「次の年度を始める」で次の年度を始めてから行ってください。',
  renameFields: '変更後の内容',

  eventFrom: '{name}（{year}から）',
  eventChange: '{field}：{before} → {after}',
  eventNone: 'なし',
  eventRelated: '関係する事業クラスター：',
  eventNote: '理由：{note}',
  eventBy: '記録：{actor}（{at}）',
  eventAt: '記録：{at}',
  'field.number': '番号',
  'field.name': '名称',
  'field.group': 'グループ',
  'field.kind': '種類',
  'field.owners': '所管組織',
  'event.created': '新設',
  'event.renamed': '名称変更',
  'event.regrouped': 'グループ・種類の変更',
  'event.renumbered': '番号の変更',
  'event.merged': '統合',
  'event.split': '分割',
  'event.retired': '廃止',
  'event.owners_changed': '所管組織の変更',
  noEvents: '変更の記録はありません。',
};

type Key = keyof typeof ja;

const en: Record<Key, string> = {
  stageFilter: 'Analysis stage',
  changesHeading: 'Change the register (reform office)',
  changesLead:
    'A change applies from the fiscal year you choose; the register of earlier years stays as it was. Every change is listed under “Changes” on this page.',
  effectiveFrom: 'Effective from fiscal year',
  effectiveFromHint: 'The register before {year} does not change.',
  note: 'Reason or note (optional)',
  noteHint: 'Shown with this change under “Changes”.',
  number: 'Number',
  numberHint: 'Digits (1–9999), not used by another cluster that year.',
  name: 'Name',
  group: 'Group',
  kind: 'Kind',
  noKinds: 'This group has no kinds.',
  choose: 'Choose',
  owners: 'Owning org units',
  ownersHint: 'The bureaus, wards or offices that carry the analysis (one or more).',
  noOwners: 'No owning org unit',
  cancel: 'Cancel',
  numberRequired: 'Enter a number from 1 to 9999.',
  nameRequired: 'Enter a name.',
  kindRequired: 'Choose a kind.',
  yearRequired: 'Choose the fiscal year.',
  groupRequired: 'Choose a group.',
  newCluster: 'The new cluster',

  addCluster: 'Add a cluster',
  addTitle: 'Add a cluster',
  add: 'Add',
  adding: 'Adding…',
  added: 'Added “{name}” to the register from {year}.',

  renameHeading: 'Change name, group or kind',
  renameLead: 'Rename, move to another group or kind (regroup), or renumber.',
  rename: 'Save the change',
  renamed: 'Saved the cluster as of {year}.',
  noChange: 'Nothing changed. Change something, then save.',

  ownersHeading: 'Assign owning org units',
  ownersLead:
    'The owning org units carry this cluster’s analysis. The change is listed under “Changes” as of the year chosen.',
  ownersSave: 'Save owning org units',
  ownersSaved: 'Saved the owning org units.',

  mergeHeading: 'Merge with other clusters',
  mergeLead:
    'From the fiscal year chosen, this cluster and the ones you choose leave the register and become one new cluster. Unless you choose others, it keeps their owning org units.',
  mergeWith: 'Merge with (one or more)',
  mergeWithRequired: 'Choose at least one cluster to merge with.',
  mergeInto: 'The merged cluster',
  merge: 'Merge',
  merged: 'Merged into “{name}” from {year}.',
  openMerged: 'Open the merged cluster',

  splitHeading: 'Split into several clusters',
  splitLead:
    'From the fiscal year chosen, this cluster leaves the register and its parts take its place, owned as it was.',
  part: 'Part {index}',
  addPart: 'Add another part',
  removePart: 'Remove part {index}',
  split: 'Split',
  splitDone: 'Split into {count} clusters from {year}.',

  retireHeading: 'Retire',
  retireLead:
    'The cluster is no longer listed from the fiscal year chosen. A cluster with an analysis in that year or later cannot be retired.',
  retire: 'Retire',
  retired: 'Retired from {year}.',

  staleTitle: 'Someone else changed this cluster first',
  staleHelp: 'Load the latest version, then try again.',
  reload: 'Load the latest version',
  notInRegister: 'This cluster has left the register; only years in which it is listed can be changed.',
  noLaterYear:
    'Merges, splits and retirements apply from a year after the cluster entered the register, and that year has not started. Open the next fiscal year first (“Start the next fiscal year” on the analysis plan).',
  renameFields: 'After the change',

  eventFrom: '{name} (from {year})',
  eventChange: '{field}: {before} → {after}',
  eventNone: 'none',
  eventRelated: 'Related clusters: ',
  eventNote: 'Reason: {note}',
  eventBy: 'Recorded by {actor} ({at})',
  eventAt: 'Recorded {at}',
  'field.number': 'Number',
  'field.name': 'Name',
  'field.group': 'Group',
  'field.kind': 'Kind',
  'field.owners': 'Owning org units',
  'event.created': 'Created',
  'event.renamed': 'Renamed',
  'event.regrouped': 'Regrouped',
  'event.renumbered': 'Renumbered',
  'event.merged': 'Merged',
  'event.split': 'Split',
  'event.retired': 'Retired',
  'event.owners_changed': 'Owners changed',
  noEvents: 'No changes recorded.',
};

export type ClusterTextKey = Key;

/** The texts of the register's change forms in the current UI language, `{name}` placeholders filled. */
export function useClusterText(): (key: ClusterTextKey, values?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback(
    (key, values) => {
      const texts = language === 'en' ? en : ja;
      return texts[key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
        values && name in values ? String(values[name]) : placeholder,
      );
    },
    [language],
  );
}
