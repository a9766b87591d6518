import { paths } from '@/config/paths';
import type { ScheduleEntry } from '../types';

function pathNamed(name: string): string | null {
  return (paths as unknown as Record<string, { path: string } | undefined>)[name]?.path ?? null;
}

/** The page an entry clicks through to: its meeting, analysis or campaign; null for plain entries. */
export function entryHref(entry: ScheduleEntry, fiscalYear: number): string | null {
  const link = entry.link;
  if (!link) return null;
  const id = encodeURIComponent(link.id);
  switch (link.type) {
    case 'meeting':
      return paths.meeting.path.replace('$meetingId', id);
    case 'analysis': {
      const analysis = pathNamed('analysis');
      return analysis ? analysis.replace('$analysisId', id) : `${paths.clusters.path}?fy=${fiscalYear}`;
    }
    case 'cluster':
      return `${paths.clusters.path}?fy=${fiscalYear}`;
    case 'platinum_campaign':
      return paths.platinumCampaign.path.replace('$campaignId', id);
  }
}
