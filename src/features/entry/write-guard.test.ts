// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useIsSlow, useLeaveGuard } from './write-guard';

afterEach(() => vi.useRealTimers());

describe('a long write', () => {
  it('is shown once it has run for a second, and no longer when it ends', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ isActive }) => useIsSlow(isActive), {
      initialProps: { isActive: true },
    });
    act(() => vi.advanceTimersByTime(900));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toBe(true);
    rerender({ isActive: false });
    expect(result.current).toBe(false);
  });

  it('makes leaving the page ask first while it runs, and only then', () => {
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const { rerender } = renderHook(({ isActive }) => useLeaveGuard(isActive), {
      initialProps: { isActive: true },
    });
    expect(leave()).toBe(true);
    rerender({ isActive: false });
    expect(leave()).toBe(false);
  });
});
