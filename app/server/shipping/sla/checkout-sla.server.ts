/**
 * The merchant-facing checkout SLA (issue #16): the last 28 days of rate callbacks against Shopify's Built for
 * Shopify bar for checkout rates, p95 ≤ 500 ms with ≤ 0.1 % failures (shared/reference/platform-and-peers-2026.md
 * §1.3). An empty answer is not a failure (Shopify shows the shop's other rates); errors are.
 */
import db from "../../../db.server";
import { addInto, countOver, emptyHistogram, parseHistogram, percentileMs } from "./histogram";
import { flushRateCallbacks } from "./rate-callback-stats.server";

export const SLA_P95_MS = 500;
export const SLA_FAILURE_RATE = 0.001;
export const SLA_WINDOW_DAYS = 28;
const DAY_MS = 86_400_000;

export interface SlaDay { day: string; calls: number; p95Ms: number | null; failureRate: number }
export interface CheckoutSla {
  calls: number; rates: number; empty: number; errors: number; over500: number;
  p95Ms: number | null; failureRate: number; meetsBar: boolean | null;
  days: SlaDay[]; // days with calls, oldest first
}

const p95 = (h: readonly number[]) => {
  const v = percentileMs(h, 95);
  return v === Infinity ? 10_001 : v; // JSON has no Infinity: one past the last edge reads as "over 10 s"
};

export async function checkoutSla(shop: string, now = new Date()): Promise<CheckoutSla> {
  await flushRateCallbacks(now.getTime());
  const rows = await db.rateCallbackHour.findMany({
    where: { shop, hour: { gte: new Date(now.getTime() - SLA_WINDOW_DAYS * DAY_MS) } },
    orderBy: { hour: "asc" },
  });
  const total = { rates: 0, empty: 0, errors: 0, latency: emptyHistogram() };
  const byDay = new Map<string, { calls: number; errors: number; latency: number[] }>();
  for (const row of rows) {
    const latency = parseHistogram(row.latency);
    total.rates += row.rates;
    total.empty += row.empty;
    total.errors += row.errors;
    addInto(total.latency, latency);
    const day = row.hour.toISOString().slice(0, 10);
    const d = byDay.get(day) ?? { calls: 0, errors: 0, latency: emptyHistogram() };
    d.calls += row.rates + row.empty + row.errors;
    d.errors += row.errors;
    addInto(d.latency, latency);
    byDay.set(day, d);
  }
  const calls = total.rates + total.empty + total.errors;
  const failureRate = calls ? total.errors / calls : 0;
  const p95Ms = p95(total.latency);
  return {
    calls, rates: total.rates, empty: total.empty, errors: total.errors, over500: countOver(total.latency, 500),
    p95Ms, failureRate,
    meetsBar: calls ? p95Ms! <= SLA_P95_MS && failureRate <= SLA_FAILURE_RATE : null,
    days: [...byDay].map(([day, d]) => ({ day, calls: d.calls, p95Ms: p95(d.latency), failureRate: d.calls ? d.errors / d.calls : 0 })),
  };
}
