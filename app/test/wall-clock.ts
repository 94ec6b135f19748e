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
