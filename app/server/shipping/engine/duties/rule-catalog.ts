/**
 * Every duty and fee rule as the merchant reads it: what it is, where, from when to when, the source, whether it is an
 * estimate, and whether it is in force, upcoming or ended on a date. Rules that end soon are raised on the home page
 * (tariff rules lapse: Section 122 expired 2026-07-24, the EU flat duty is interim to 2028-07-01).
 */
import { DEFAULT_DUTY_RULES } from "./default-duty-rules";
import { DEFAULT_FEE_RULES } from "./default-fee-rules";
import type { DutyRule, FeeRule } from "./duty-types";

export type RuleStatus = "in-force" | "upcoming" | "ended";

export interface RuleRow {
  readonly id: string;
  readonly kind: "duty" | "fee";
  readonly label: string;
  readonly countries: string; // "US", "27 EU countries", "every other country"
  readonly lane: string; // "ships from US, MX · courier" or "any lane"
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly status: RuleStatus;
  readonly daysLeft: number | null; // whole days until effectiveTo while in force
  readonly source: string;
  readonly estimate: boolean;
}

export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

function countriesText(countries: readonly string[]): string {
  if (countries.includes("*")) return "every other country";
  return countries.length > 5 ? `${countries.length} countries (${countries.slice(0, 3).join(", ")}, …)` : countries.join(", ");
}

function laneText(rule: DutyRule | FeeRule): string {
  const parts: string[] = [];
  if ("shipFrom" in rule && rule.shipFrom?.length) parts.push(`ships from ${rule.shipFrom.join(", ")}`);
  if (rule.transport?.length) parts.push(rule.transport.join(" / "));
  if ("registration" in rule && rule.registration) parts.push(`${rule.registration} registration decides who collects`);
  return parts.length ? parts.join(" · ") : "any lane";
}

function row(rule: DutyRule | FeeRule, kind: RuleRow["kind"], now: Date): RuleRow {
  const ms = now.getTime();
  const from = Date.parse(rule.effectiveFrom);
  const to = rule.effectiveTo === null ? Infinity : Date.parse(rule.effectiveTo);
  const status: RuleStatus = ms < from ? "upcoming" : ms >= to ? "ended" : "in-force";
  return {
    id: rule.id, kind, label: rule.label, countries: countriesText(rule.countries), lane: laneText(rule),
    effectiveFrom: rule.effectiveFrom, effectiveTo: rule.effectiveTo, status,
    daysLeft: status === "in-force" && to !== Infinity ? Math.ceil((to - ms) / DAY_MS) : null,
    source: rule.source, estimate: rule.estimate,
  };
}

/** All rules, in force first, then upcoming, then ended; newest first within each. */
export function ruleCatalog(now: Date, duties: readonly DutyRule[] = DEFAULT_DUTY_RULES, fees: readonly FeeRule[] = DEFAULT_FEE_RULES): RuleRow[] {
  const order: Record<RuleStatus, number> = { "in-force": 0, upcoming: 1, ended: 2 };
  return [...duties.map((r) => row(r, "duty", now)), ...fees.map((r) => row(r, "fee", now))]
    .sort((a, b) => order[a.status] - order[b.status] || b.effectiveFrom.localeCompare(a.effectiveFrom) || a.id.localeCompare(b.id));
}

/** Rules in force that end within `days` days: the home page warns about them. */
export function expiringRules(now: Date, days = EXPIRY_WARNING_DAYS, duties?: readonly DutyRule[], fees?: readonly FeeRule[]): RuleRow[] {
  return ruleCatalog(now, duties, fees).filter((r) => r.daysLeft !== null && r.daysLeft <= days);
}
