import { describe, expect, it } from "vitest";
import { addBusinessDays, dayToIsoDate, deliveryWindow, dispatchDay, formatShopifyDate, noonIn } from "./delivery-dates";

const day = (iso: string) => Date.parse(iso) / 86_400_000;
const CUTOFF_15 = 15 * 60;

describe("dispatch day", () => {
  it.each([
    ["ships the same day before the cut-off", "2026-11-24T06:59:00Z", "Asia/Shanghai", 0, "2026-11-24"], // Tue 14:59
    ["ships the next business day at the cut-off", "2026-11-24T07:00:00Z", "Asia/Shanghai", 0, "2026-11-25"], // Tue 15:00
    ["rolls a Friday-evening order to Monday", "2026-11-27T09:00:00Z", "Asia/Shanghai", 0, "2026-11-30"], // Fri 17:00
    ["rolls a Saturday order to Monday", "2026-11-28T02:00:00Z", "Asia/Shanghai", 0, "2026-11-30"],
    ["adds handling days as business days", "2026-11-26T01:00:00Z", "Asia/Shanghai", 2, "2026-11-30"], // Thu + 2 = Mon
    ["uses the warehouse's time zone, not UTC (16:00 in Shanghai is after cut-off)", "2026-11-24T08:00:00Z", "Asia/Shanghai", 0, "2026-11-25"],
    ["uses the warehouse's time zone, not UTC (00:00 in Los Angeles is before cut-off)", "2026-11-24T08:00:00Z", "America/Los_Angeles", 0, "2026-11-24"],
    ["sees Monday 08:00 UTC as Sunday in Los Angeles", "2026-11-30T07:00:00Z", "America/Los_Angeles", 0, "2026-11-30"],
    ["handles the London DST change", "2026-03-30T13:30:00Z", "Europe/London", 0, "2026-03-30"], // 14:30 BST
  ])("%s", (_label, now, tz, handling, expected) => {
    expect(dayToIsoDate(dispatchDay(new Date(now), tz, CUTOFF_15, handling))).toBe(expected);
  });
});

describe("business days", () => {
  it.each([
    ["2026-11-27", 1, "2026-11-30"], // Fri + 1 = Mon
    ["2026-11-24", 5, "2026-12-01"],
    ["2026-11-24", 0, "2026-11-24"],
    ["2026-11-28", 1, "2026-11-30"], // Sat + 1 = Mon
  ])("%s + %i business days is %s", (start, count, expected) => {
    expect(dayToIsoDate(addBusinessDays(day(start), count))).toBe(expected);
  });
});

describe("Shopify date format", () => {
  it.each([
    ["2026-12-03", "Europe/Berlin", "2026-12-03 12:00:00 +0100"],
    ["2026-07-01", "Europe/Berlin", "2026-07-01 12:00:00 +0200"],
    ["2026-12-03", "America/Chicago", "2026-12-03 12:00:00 -0600"],
    ["2026-07-01", "America/Chicago", "2026-07-01 12:00:00 -0500"],
    ["2026-12-03", "Asia/Kolkata", "2026-12-03 12:00:00 +0530"],
    ["2026-12-03", "UTC", "2026-12-03 12:00:00 +0000"],
  ])("formats noon on %s in %s as %s", (date, tz, expected) => {
    const noon = noonIn(day(date), tz);
    expect(formatShopifyDate(noon.date, noon.offsetMinutes)).toBe(expected);
  });

  it("exposes the same instant as a Date", () => {
    const w = deliveryWindow(day("2026-11-24"), 6, 12, "US");
    expect(w.minText).toBe("2026-12-02 12:00:00 -0600");
    expect(w.min.toISOString()).toBe("2026-12-02T18:00:00.000Z");
    expect(w.maxText).toBe("2026-12-10 12:00:00 -0600");
  });

  it("formats one instant differently for each offset, however often it is asked (memoised)", () => {
    const instant = new Date("2026-03-29T11:00:00.000Z");
    for (let i = 0; i < 3; i++) {
      expect(formatShopifyDate(instant, 60)).toBe("2026-03-29 12:00:00 +0100");
      expect(formatShopifyDate(instant, 120)).toBe("2026-03-29 13:00:00 +0200");
      expect(formatShopifyDate(instant, -330)).toBe("2026-03-29 05:30:00 -0530");
    }
  });

  it("gives each day its own ISO date on repeated calls, across month and year ends (memoised)", () => {
    for (let i = 0; i < 2; i++) {
      expect(dayToIsoDate(day("2026-12-31"))).toBe("2026-12-31");
      expect(dayToIsoDate(day("2027-01-01"))).toBe("2027-01-01");
      expect(dayToIsoDate(day("2028-02-29"))).toBe("2028-02-29");
    }
  });
});
