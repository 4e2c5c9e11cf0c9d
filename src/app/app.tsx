import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { DatasetProvider } from '../shared/dataset';
import { LocaleProvider } from '../shared/i18n';
import { Layout } from './layout';
import { Routes } from './routes';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Our data is local (IndexedDB): never pause because the browser reports being offline.
      queries: { networkMode: 'always', refetchOnWindowFocus: false, retry: false },
      mutations: { networkMode: 'always' },
    },
  });
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <DatasetProvider>
          <Layout>
            <Routes />
          </Layout>
        </DatasetProvider>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
