/** A kind (区分) inside a cluster group, e.g. オペレーション系施策, with its approach (考え方). */
export type ClusterKindDefinition = { code: string; name: string; nameEn: string; approach: string };

/**
 * A cluster group, e.g. 施策・事業グループ, with its approach and its kinds (possibly none).
 * `subtitle` (サービスモデル改革) is sent by the server although the contract does not promise it.
 */
export type ClusterGroupDefinition = ClusterKindDefinition & {
  subtitle?: string;
  kinds: ClusterKindDefinition[];
};

/** A business cluster (事業クラスター) as listed for one fiscal year. */
export type Cluster = {
  id: string;
  number: number;
  name: string;
  group: { code: string; name: string };
  kind: { code: string; name: string } | null;
  /** Whether the cluster is analysed (経営分析) in the fiscal year listed. */
  isAnalysisTarget: boolean;
  owningOrgUnits: { id: string; name: string }[];
  /** The cluster's version, for If-Match (and the source versions of a merge). */
  version?: number;
};

/** `GET /api/v1/clusters?fy=` */
export type ClusterRegister = {
  fiscalYear: number;
  groups: ClusterGroupDefinition[];
  items: Cluster[];
};

/** `GET /api/v1/clusters/:id` */
export type ClusterDetail = Cluster & { version: number };

/** The fields `PATCH /api/v1/clusters/:id` may change. */
export type ClusterChanges = {
  name?: string;
  group?: string;
  kind?: string | null;
  isAnalysisTarget?: boolean;
};
