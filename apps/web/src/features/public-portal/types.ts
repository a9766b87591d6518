import type { LocalizedText } from '@/types/api';

/** `GET /api/v1/public/programme`: only what has been published. */
export type PublicProgramme = {
  fiscalYear: number;
  fiscalYearLabel: string;
  title: string;
  slogan: string;
  figures: {
    clusters: number;
    analysisTargets: number;
    publishedAnalyses: number;
    meetingsHeld: number;
    meetingsPlanned: number;
    publishedPolicies: number;
    publishedNeeds: number;
    platinumResponses: number;
  };
  groups: { name: string; subtitle: string | null; clusterCount: number; targetCount: number }[];
  meetings: {
    id: string;
    sequence: number;
    title: string;
    planned: { precision: string; start: string; end: string };
    plannedLabel: LocalizedText;
    heldOn: string | null;
    place: string | null;
    videoUrl: string | null;
    /** The agenda's item titles once the agenda is published (empty before). */
    agenda: string[];
  }[];
};

/** `GET /api/v1/public/open-data`: the machine-readable index. */
export type OpenDataIndex = {
  title: string;
  fiscalYear: number;
  fiscalYears: number[];
  license: { id: string; name: string; url: string };
  modified: string;
  datasets: {
    id: string;
    title: string;
    description: string;
    fiscalYear: number;
    rowCount: number;
    columns: { key: string; title: string; type: string }[];
    distributions: { format: 'CSV' | 'JSON'; mediaType: string; encoding: string; url: string }[];
  }[];
};
