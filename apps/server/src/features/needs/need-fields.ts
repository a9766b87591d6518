import type { NeedChannel, NeedSide, NeedStatus } from '@totonoe/domain';

/** What a person sets on a need. */
export type NeedFields = {
  side: NeedSide;
  channel: NeedChannel;
  body: string;
  receivedOn: string;
  orgUnitId: string;
  reporterName: string | null;
  reporterContact: string | null;
  status: NeedStatus;
  isPublic: boolean;
  publicText: string | null;
};

/** Limits shared by the API and the CSV import. */
export const NEED_LIMITS = { body: 5000, reporterName: 100, reporterContact: 200, publicText: 5000 } as const;
