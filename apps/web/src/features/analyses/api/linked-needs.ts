import { useQuery } from '@tanstack/react-query';
import { apiClient, isApiError } from '@/lib/api-client';
import type { LocalizedText } from '@/types/api';

/** A ニーズ・課題 record as the analysis page shows it. */
export type LinkedNeed = {
  id: string;
  sideLabel: LocalizedText;
  channelLabel: LocalizedText;
  body: string;
  receivedOn: string;
  orgUnit: { name: string };
};

type NeedPage = { items: LinkedNeed[] };

/**
 * The needs linked to an analysis or to its cluster, as far as the reader may see them (the needs
 * list keeps each unit's records to that unit, the reform office and executives). Readers who may
 * not list needs at all get an empty list.
 */
export function useLinkedNeeds(analysisId: string, clusterId: string) {
  return useQuery({
    queryKey: ['needs', 'linked-to-analysis', analysisId, clusterId],
    queryFn: async ({ signal }) => {
      const read = (query: Record<string, string | number>) =>
        apiClient.get<NeedPage>('/needs', { query: { ...query, pageSize: 200 }, signal }).catch((error) => {
          if (isApiError(error, 403)) return { items: [] };
          throw error;
        });
      const [byAnalysis, byCluster] = await Promise.all([read({ analysisId }), read({ clusterId })]);
      const seen = new Set<string>();
      return [...byAnalysis.items, ...byCluster.items].filter((need) => {
        if (seen.has(need.id)) return false;
        seen.add(need.id);
        return true;
      });
    },
  });
}
