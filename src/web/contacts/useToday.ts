// The device's date, kept current: a page left open overnight (or a phone woken the next morning) moves on
// to the new day, so what is due, the date a call is logged on and the query keys follow it.
import { useSyncExternalStore } from 'react';
import { localToday } from './api.ts';

/** Milliseconds until the next local midnight (a day can be 23 or 25 hours long around a clock change). */
function untilMidnight(now = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
}

function subscribe(onChange: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    // A moment after midnight rather than before it; an early timer simply schedules itself again.
    timer = setTimeout(() => {
      onChange();
      schedule();
    }, untilMidnight() + 500);
  };
  // Timers sleep with the device: check again when the page comes back into view or focus.
  const wake = () => {
    if (document.visibilityState !== 'visible') return;
    onChange();
    schedule();
  };
  schedule();
  document.addEventListener('visibilitychange', wake);
  window.addEventListener('focus', wake);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', wake);
    window.removeEventListener('focus', wake);
  };
}

/** Today as yyyy-mm-dd on this device; re-renders when the day changes. */
export function useToday(): string {
  // The snapshot is a string, so React re-renders only when the date itself changed.
  return useSyncExternalStore(subscribe, () => localToday());
}
