// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { announceChange, type DataChange } from '../db/changes';
import { USER_DB_NAME } from '../db/database';
import { DatasetProvider, getDatabase, useDataset } from './dataset';
import { queryKeys } from './query-keys';

afterEach(cleanup);

/** How often the plan's values and another plan's values were fetched. */
let fetches = { p: 0, q: 0 };
const fetched = (plan: 'p' | 'q') => ++fetches[plan];

function Probe() {
  useQuery({
    queryKey: queryKeys.values('user', 'p', { regionId: 'r1' }),
    queryFn: () => fetched('p'),
  });
  useQuery({ queryKey: queryKeys.observations('user', 'q'), queryFn: () => fetched('q') });
  return null;
}

let history: ReturnType<typeof useDataset>['undoHistory'] | undefined;
const seeHistory = (h: typeof history) => (history = h);
function HistoryProbe() {
  const { undoHistory } = useDataset();
  useEffect(() => {
    seeHistory(undoHistory);
  }, [undoHistory]);
  return null;
}

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  fetches = { p: 0, q: 0 };
  render(
    <QueryClientProvider client={queryClient}>
      <DatasetProvider>
        <Probe />
        <HistoryProbe />
      </DatasetProvider>
    </QueryClientProvider>,
  );
}

describe('DatasetProvider: changes from other tabs', () => {
  it('refetches once what another tab changed, and nothing for this tab’s own writes', async () => {
    setup();
    await expect.poll(() => fetches.p).toBe(1);
    // Another tab wrote plan p: its values are read again, once; plan q's are not.
    const otherTab = new BroadcastChannel(`${USER_DB_NAME}:changes`);
    const change: DataChange = { kind: 'values', planId: 'p', seriesKeys: ['p|r1|x'] };
    otherTab.postMessage(change);
    await expect.poll(() => fetches.p).toBe(2);
    // This tab's own write is refetched by its mutation, not a second time by the notice.
    await act(async () => announceChange(getDatabase('user'), change));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetches).toEqual({ p: 2, q: 1 });
    otherTab.close();
  });

  it('forgets the undo history when the data set is reset (sample data reloaded)', async () => {
    setup();
    await expect.poll(() => history).toBeDefined();
    act(() => history?.record('a', [{ planId: 'p', itemId: 'x', regionId: 'r1', year: 2016 }]));
    expect(history?.size).toBe(1);
    await act(async () => announceChange(getDatabase('user'), { kind: 'reset' }));
    await expect.poll(() => history?.size).toBe(0);
  });
});
