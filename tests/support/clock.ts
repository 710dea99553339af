import type { Clock } from '../../src/server/http/types.ts';

/** A clock the test sets: dates written by the app (e.g. joinedOn) are predictable. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-03-15T10:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string) {
    this.current = new Date(date);
  }

  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }

  /** Today as YYYY-MM-DD (UTC), as the app writes dates. */
  today(): string {
    return this.current.toISOString().slice(0, 10);
  }
}
