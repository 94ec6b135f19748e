import { describe, expect, it } from "vitest";
import { nextCronTime, parseCron } from "./cron";

const at = (iso: string) => new Date(iso);
const next = (expr: string, from: string) => nextCronTime(expr, at(from)).toISOString();

describe("parseCron", () => {
  it("expands stars, ranges, steps and lists", () => {
    const cron = parseCron("*/15 9-11 1,15 * 1-5");
    expect([...cron.minutes]).toEqual([0, 15, 30, 45]);
    expect([...cron.hours]).toEqual([9, 10, 11]);
    expect([...cron.daysOfMonth]).toEqual([1, 15]);
    expect(cron.months.size).toBe(12);
    expect([...cron.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
  });

  it("treats 7 as Sunday", () => {
    expect([...parseCron("0 0 * * 7").daysOfWeek]).toEqual([0]);
  });

  it("reads a start with a step as running to the end of the field", () => {
    expect([...parseCron("50/5 * * * *").minutes]).toEqual([50, 55]);
  });

  it.each(["* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "5-1 * * * *", "a * * * *", "*/0 * * * *", ", * * * *"])(
    "rejects %j",
    (expr) => {
      expect(() => parseCron(expr)).toThrow();
    },
  );
});

describe("nextCronTime", () => {
  it("fires on the next minute for every-minute, never the current one", () => {
    expect(next("* * * * *", "2026-03-01T10:00:00.000Z")).toBe("2026-03-01T10:01:00.000Z");
    expect(next("* * * * *", "2026-03-01T10:00:59.999Z")).toBe("2026-03-01T10:01:00.000Z");
  });

  it("finds the next daily slot, rolling over the day", () => {
    expect(next("30 3 * * *", "2026-03-01T02:00:00Z")).toBe("2026-03-01T03:30:00.000Z");
    expect(next("30 3 * * *", "2026-03-01T03:30:00Z")).toBe("2026-03-02T03:30:00.000Z");
  });

  it("rolls over months and years", () => {
    expect(next("0 0 1 1 *", "2026-06-15T00:00:00Z")).toBe("2027-01-01T00:00:00.000Z");
    expect(next("0 12 31 * *", "2026-04-01T00:00:00Z")).toBe("2026-05-31T12:00:00.000Z");
  });

  it("fires on Feb 29 only in leap years", () => {
    expect(next("0 0 29 2 *", "2026-01-01T00:00:00Z")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("matches either day field when both are restricted", () => {
    // 2026-03-02 is a Monday; the 10th is a Tuesday.
    expect(next("0 0 10 * 1", "2026-03-01T00:00:00Z")).toBe("2026-03-02T00:00:00.000Z");
    expect(next("0 0 10 * 1", "2026-03-09T00:00:00Z")).toBe("2026-03-10T00:00:00.000Z");
  });

  it("honours weekdays alone", () => {
    expect(next("0 9 * * 1-5", "2026-03-06T10:00:00Z")).toBe("2026-03-09T09:00:00.000Z");
  });

  it("gives up on an expression that never fires", () => {
    expect(() => nextCronTime("0 0 30 2 *", at("2026-01-01T00:00:00Z"))).toThrow(/never fires/);
  });
});
