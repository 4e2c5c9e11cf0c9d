// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryHistory } from '@tanstack/react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App, createQueryClient } from './app';
import { createAppRouter } from './routes';

/** A page that fails while drawing, as a page with a bug would. Only tests build it in. */
function BrokenPage(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'length')");
}
const pageSaying = (text: string) =>
  function Page() {
    return <p>{text}</p>;
  };

function renderApp(address: string) {
  const router = createAppRouter({
    history: createMemoryHistory({ initialEntries: [address] }),
    pageComponents: {
      overview: pageSaying('总览页'),
      catalog: BrokenPage,
      entry: pageSaying('录入页'),
      assessment: pageSaying('评估页'),
      services: pageSaying('服务清单页'),
      reports: pageSaying('报告页'),
      settings: pageSaying('设置页'),
    },
  });
  render(<App queryClient={createQueryClient()} router={router} />);
  return router;
}

// The first render loads the built-in plans (a few hundred kB of JSON): allow for a slow machine.
const WAIT = { timeout: 10_000 };
const findError = () => screen.findByTestId('page-error', {}, WAIT);
const findText = (text: string) => screen.findByText(text, {}, WAIT);

beforeEach(() => {
  // jsdom has no layout: the router's scroll to the top on a page change has nothing to do.
  window.scrollTo = () => {};
  // React reports an error a boundary caught on the console; the test reads the screen instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('a page that fails', () => {
  it('says in Chinese what happened, that the data is kept, and offers 回到总览 and 重新加载', async () => {
    renderApp('/catalog?plan=dazhou');
    const error = await findError();
    expect(within(error).getByRole('heading').textContent).toBe('本页出现了意外错误');
    expect(error.textContent).toContain('这一页在显示时遇到了程序错误');
    expect(error.textContent).toContain(
      '已保存的数据都还在：页面显示出错不会修改或删除已保存的数据。',
    );
    expect(within(error).getByRole('button', { name: '回到总览' })).toBeTruthy();
    expect(within(error).getByRole('button', { name: '重新加载' })).toBeTruthy();
    // The technical message is there for the maintainer, folded away.
    const details = error.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('技术信息');
    expect(details.textContent).toContain(
      "TypeError: Cannot read properties of undefined (reading 'length')",
    );
  });

  it('keeps the header and navigation around the failed page', async () => {
    renderApp('/catalog?plan=dazhou');
    await findError();
    expect(screen.getByRole('combobox', { name: '规划' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['总览', '指标目录', '数据录入', '评估', '服务清单', '报告', '设置']);
  });

  it('tries again on another page: going elsewhere resets the boundary', async () => {
    const router = renderApp('/catalog?plan=dazhou');
    await findError();
    await router.navigate({ to: '/settings', search: { plan: 'dazhou' } });
    await findText('设置页');
    expect(screen.queryByTestId('page-error')).toBeNull();
    // The broken page, opened again, fails again, and is caught again.
    await router.navigate({ to: '/catalog', search: { plan: 'dazhou' } });
    await findError();
  });

  it('goes back to 总览 of the same plan', async () => {
    const router = renderApp('/catalog?plan=zhoucun');
    const error = await findError();
    fireEvent.click(within(error).getByRole('button', { name: '回到总览' }));
    await findText('总览页');
    expect(screen.queryByTestId('page-error')).toBeNull();
    await waitFor(() => expect(router.state.location.href).toBe('/overview?plan=zhoucun'));
  });

  it('speaks English when the UI does', async () => {
    localStorage.setItem('gongfu-monitor.locale', 'en');
    renderApp('/catalog');
    const error = await findError();
    expect(within(error).getByRole('heading').textContent).toBe(
      'This page ran into an unexpected error',
    );
    expect(error.textContent).toContain('Your saved data is all still there');
    expect(within(error).getByRole('button', { name: 'Back to the overview' })).toBeTruthy();
  });
});
