// The practice timer of the 2-minute presentation: counts down from the limit, keeps counting the overtime
// past zero, and says once when zero is reached. Time is read from the clock, not summed from ticks, so a
// throttled background tab still shows the right time. The controller is plain code (tested with fake
// timers); the hook subscribes React to it.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

export interface PracticeTimerState {
  running: boolean;
  /** Whole seconds used so far. */
  elapsed: number;
  /** Whole seconds left, 0 once the time is up. */
  remaining: number;
  /** Whole seconds past the limit. */
  overtime: number;
  /** The limit is reached. */
  done: boolean;
  /** Started at least once since the last reset. */
  started: boolean;
}

export interface PracticeTimer {
  start(): void;
  pause(): void;
  /** Stops and returns the whole seconds used (0 if it never ran); the reading stays until reset. */
  finish(): number;
  reset(): void;
  snapshot(): PracticeTimerState;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

const TICK_MS = 200;

export function createPracticeTimer(seconds: number, onZero?: () => void): PracticeTimer {
  const limitMs = seconds * 1000;
  let accumulated = 0;
  let runningSince: number | null = null;
  let interval: ReturnType<typeof setInterval> | null = null;
  let signalled = false;
  let started = false;
  const listeners = new Set<() => void>();

  const elapsedMs = () => accumulated + (runningSince === null ? 0 : Date.now() - runningSince);

  const read = (): PracticeTimerState => {
    const ms = elapsedMs();
    const elapsed = Math.floor(ms / 1000);
    return {
      running: runningSince !== null,
      elapsed,
      remaining: Math.max(0, Math.ceil((limitMs - ms) / 1000)),
      overtime: Math.max(0, Math.floor((ms - limitMs) / 1000)),
      done: ms >= limitMs,
      started,
    };
  };

  let state = read();

  const update = () => {
    const next = read();
    if (next.done && !signalled && next.running) {
      signalled = true;
      onZero?.();
    }
    const changed = (Object.keys(next) as (keyof PracticeTimerState)[]).some((k) => next[k] !== state[k]);
    if (!changed) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const stopTicking = () => {
    if (interval !== null) clearInterval(interval);
    interval = null;
  };

  const pause = () => {
    if (runningSince === null) return;
    accumulated += Date.now() - runningSince;
    runningSince = null;
    stopTicking();
    update();
  };

  return {
    start() {
      if (runningSince !== null) return;
      started = true;
      runningSince = Date.now();
      interval = setInterval(update, TICK_MS);
      update();
    },
    pause,
    finish() {
      pause();
      return Math.round(accumulated / 1000);
    },
    reset() {
      stopTicking();
      accumulated = 0;
      runningSince = null;
      signalled = false;
      started = false;
      update();
    },
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The page is left: nothing keeps ticking. */
    dispose: pause,
  };
}

/** The timer for a page: state plus start, pause, finish and reset; `onZero` is called once per run. */
export function usePracticeTimer(seconds: number, onZero?: () => void) {
  const onZeroRef = useRef(onZero);
  onZeroRef.current = onZero;
  const [timer] = useState(() => createPracticeTimer(seconds, () => onZeroRef.current?.()));
  useEffect(() => () => timer.dispose(), [timer]);
  const state = useSyncExternalStore(timer.subscribe, timer.snapshot, timer.snapshot);
  return {
    ...state,
    start: () => timer.start(),
    pause: () => timer.pause(),
    finish: () => timer.finish(),
    reset: () => timer.reset(),
  };
}

/** m:ss, for the big display. */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
