import type { CacheTopic } from '../../lib/response-cache.ts';

/*
 * The cache topics of what the portal publishes, bumped by triggers on the tables each reads
 * (drizzle/0025_public_portal_cache_triggers.sql). 'cluster_register' (0005) covers the reference
 * data every page shares: fiscal years, org units, clusters and their revisions, groups, kinds,
 * owners and analyses.
 */
export const REFERENCE_TOPIC: CacheTopic = 'cluster_register';
export const PUBLIC_MEETINGS_TOPIC: CacheTopic = 'public_meetings';
export const PUBLIC_POLICIES_TOPIC: CacheTopic = 'public_policies';
export const PUBLIC_NEEDS_TOPIC: CacheTopic = 'public_needs';
export const PUBLIC_PLATINUM_TOPIC: CacheTopic = 'public_platinum';

/** Everything the programme page and the open-data index show. */
export const PORTAL_TOPICS: CacheTopic[] = [
  REFERENCE_TOPIC,
  PUBLIC_MEETINGS_TOPIC,
  PUBLIC_POLICIES_TOPIC,
  PUBLIC_NEEDS_TOPIC,
  PUBLIC_PLATINUM_TOPIC,
];
