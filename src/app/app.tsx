import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { AddressNoticeProvider } from '../shared/address';
import { DatasetProvider } from '../shared/dataset';
import { LocaleProvider } from '../shared/i18n';
import { parseSearch } from '../shared/search';
import type { createAppRouter } from './routes';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Our data is local (IndexedDB): never pause because the browser reports being offline.
      queries: { networkMode: 'always', refetchOnWindowFocus: false, retry: false },
      mutations: { networkMode: 'always' },
    },
  });
}

type AppRouter = ReturnType<typeof createAppRouter>;

export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  // Read before the router mounts and rewrites it (see AddressNoticeProvider).
  const [opened] = useState(() => ({
    pathname: router.history.location.pathname,
    search: parseSearch(router.history.location.search),
  }));
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <DatasetProvider>
          <AddressNoticeProvider opened={opened}>
            <RouterProvider router={router} />
          </AddressNoticeProvider>
        </DatasetProvider>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
