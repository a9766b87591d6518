import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { paths } from '@/config/paths';
import { meQueryKey } from '@/features/auth/api/get-me';
import { I18nProvider } from '@/lib/i18n/i18n-provider';
import { createQueryClient } from '@/lib/query-client';
import type { Me } from '@/types/api';
import { createAppRouter } from './router';

const queryClient = createQueryClient({
  onUnauthenticated: () => {
    // Only a session that ran out matters here; signed-out readers of public pages stay put.
    const wasSignedIn = queryClient.getQueryData<Me | null>(meQueryKey);
    if (!wasSignedIn) return;
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
    const here = router.state.location.href;
    void router.navigate({ to: paths.login.path, search: { redirect: here } });
  },
});

const router = createAppRouter(queryClient);

/** The whole app: language, server state and routes. */
export function App() {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
