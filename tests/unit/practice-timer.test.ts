// The 2-minute presentation's practice timer: counts down, pauses, signals zero once, counts overtime,
// and reports the seconds used when the member stops.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clock, createPracticeTimer } from '../../src/web/tools/usePracticeTimer.ts';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-02T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('practice timer', () => {
  it('counts down from the limit while running and stands still while paused', () => {
    const timer = createPracticeTimer(120);
    expect(timer.snapshot()).toMatchObject({ running: false, started: false, remaining: 120, elapsed: 0 });

    timer.start();
    vi.advanceTimersByTime(30_000);
    expect(timer.snapshot()).toMatchObject({ running: true, started: true, remaining: 90, elapsed: 30 });

    timer.pause();
    vi.advanceTimersByTime(60_000);
    expect(timer.snapshot()).toMatchObject({ running: false, remaining: 90, elapsed: 30 });

    timer.start();
    vi.advanceTimersByTime(15_500);
    expect(timer.snapshot()).toMatchObject({ remaining: 75, elapsed: 45, done: false });
  });

  it('signals zero once, then counts the overtime', () => {
    const onZero = vi.fn();
    const timer = createPracticeTimer(120, onZero);
    timer.start();
    vi.advanceTimersByTime(119_000);
    expect(onZero).not.toHaveBeenCalled();
    expect(timer.snapshot()).toMatchObject({ remaining: 1, done: false, overtime: 0 });

    vi.advanceTimersByTime(1_000);
    expect(onZero).toHaveBeenCalledTimes(1);
    expect(timer.snapshot()).toMatchObject({ remaining: 0, done: true, overtime: 0 });

    vi.advanceTimersByTime(14_000);
    expect(timer.snapshot()).toMatchObject({ remaining: 0, done: true, overtime: 14, elapsed: 134 });
    timer.pause();
    timer.start();
    vi.advanceTimersByTime(5_000);
    expect(onZero).toHaveBeenCalledTimes(1);
  });

  it('tells its listeners when the shown seconds change, not on every tick', () => {
    const timer = createPracticeTimer(120);
    const listener = vi.fn();
    const unsubscribe = timer.subscribe(listener);
    timer.start();
    listener.mockClear();
    vi.advanceTimersByTime(3_000);
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    vi.advanceTimersByTime(3_000);
    expect(listener).toHaveBeenCalledTimes(3);
    // The snapshot is the same object until something changes (what React's store subscription needs).
    expect(timer.snapshot()).toBe(timer.snapshot());
  });

  it('finish stops and returns the seconds used; reset starts over', () => {
    const onZero = vi.fn();
    const timer = createPracticeTimer(120, onZero);
    expect(timer.finish()).toBe(0);
    timer.start();
    vi.advanceTimersByTime(95_400);
    expect(timer.finish()).toBe(95);
    vi.advanceTimersByTime(10_000);
    expect(timer.snapshot()).toMatchObject({ running: false, elapsed: 95 });

    timer.reset();
    expect(timer.snapshot()).toMatchObject({ running: false, started: false, elapsed: 0, remaining: 120 });
    timer.start();
    vi.advanceTimersByTime(125_000);
    expect(onZero).toHaveBeenCalledTimes(1);
    expect(timer.finish()).toBe(125);
  });

  it('leaving the page stops the ticking', () => {
    const timer = createPracticeTimer(120);
    timer.start();
    vi.advanceTimersByTime(2_000);
    timer.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(timer.snapshot().running).toBe(false);
  });

  it('shows minutes and seconds', () => {
    expect(clock(120)).toBe('2:00');
    expect(clock(65)).toBe('1:05');
    expect(clock(0)).toBe('0:00');
    expect(clock(-3)).toBe('0:00');
  });
});
