import { afterAll, beforeAll } from "vitest";

/**
 * Runs the file's tests as if the run had started at `iso`: `Date.now()` and `new Date()` (so also Prisma's
 * `@default(now())`) read the real clock moved by a fixed offset, and time goes on at real speed. For code that reads
 * the wall clock itself, where a UTC month or day boundary, or a warehouse cut-off, passed during the run would change
 * what a test asserts. Not vi.useFakeTimers: its Date stands still while a test awaits only SQLite queries (its ticks
 * are timers, which wait for the event loop), and rows stamped in the same millisecond lose their creation order.
 */
export function pinWallClock(iso: string): void {
  const RealDate = Date;
  beforeAll(() => {
    const offset = RealDate.parse(iso) - RealDate.now();
    const now = () => RealDate.now() + offset;
    const shifted: DateConstructor = new Proxy(RealDate, {
      // Real Date instances (instanceof Date holds for them and for Dates made before); only "now" moves.
      construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget === shifted ? target : newTarget),
      apply: () => new RealDate(now()).toString(),
      get: (target, key) => (key === "now" ? now : Reflect.get(target, key)),
    });
    globalThis.Date = shifted;
  });
  afterAll(() => {
    globalThis.Date = RealDate;
  });
}

/**
 * Yesterday's date (UTC) at `time` ("HH:MM"), as an ISO string for `pinWallClock`: a fixed time of day, hours from any
 * day, month or warehouse cut-off boundary, on a date that moves with the real one. A fixed calendar date would age:
 * once it is older than a retention window (30 days for finished jobs, 35 for checkout-SLA rows), another file's
 * clean-up, at the real time, could delete this file's rows while it runs.
 */
export function yesterdayAtUtc(time: string): string {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return `${day}T${time}:00.000Z`;
}
