/**
 * Every duty and fee rule as the merchant reads it: what it is, where, from when to when, the source, whether it is an
 * estimate, and whether it is in force, upcoming or ended on a date. Rules that end soon are raised on the home page
 * (tariff rules lapse: Section 122 expired 2026-07-24, the EU flat duty is interim to 2028-07-01).
 */
import { DEFAULT_DUTY_RULES } from "./default-duty-rules";
import { DEFAULT_FEE_RULES } from "./default-fee-rules";
import type { DutyRule, FeeRule } from "./duty-types";
import { message, type Message } from "../../../../i18n/message";

export type RuleStatus = "in-force" | "upcoming" | "ended";

export interface RuleRow {
  readonly id: string;
  readonly kind: "duty" | "fee";
  /** English label; pages show the catalog's `rules:label.<id>` and fall back to this for rules it does not know. */
  readonly label: string;
  readonly countries: Message; // "US", "27 countries (AT, BE, BG, …)", "every other country"
  readonly lane: Message[]; // parts shown joined by " · ": "ships from US, MX", "courier"; one "any lane" part

  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly status: RuleStatus;
  readonly daysLeft: number | null; // whole days until effectiveTo while in force
  readonly source: string; // citations (documents, URLs): data, shown as written
  readonly hasNote: boolean; // a caveat about the source, `rules:note.<id>`
  readonly estimate: boolean;
}

/** Rules whose source comes with a caveat (a disagreement between sources, an unverified tier): `rules:note.<id>`. */
const NOTED_RULES = new Set(["us-postal-specific-ieepa-30", "us-postal-specific-ieepa-20", "eu-ioss-vat-tariff", "jp-10000", "default", "ro-parcel-fee", "fr-line-fee", "it-parcel-fee", "eu-line-fee-expected"]);

export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

function countriesText(countries: readonly string[]): Message {
  if (countries.includes("*")) return message("rules:countries.everyOther");
  return countries.length > 5
    ? message("rules:countries.many", { count: countries.length, first: countries.slice(0, 3).join(", ") })
    : message("rules:countries.list", { countries: countries.join(", ") });
}

function laneText(rule: DutyRule | FeeRule): Message[] {
  const parts: Message[] = [];
  if ("shipFrom" in rule && rule.shipFrom?.length) parts.push(message("rules:lane.shipsFrom", { countries: rule.shipFrom.join(", ") }));
  for (const mode of rule.transport ?? []) parts.push(message(`rules:lane.mode.${mode}`));
  if ("registration" in rule && rule.registration) parts.push(message(`rules:lane.registration.${rule.registration}`));
  return parts.length ? parts : [message("rules:lane.any")];
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
    source: rule.source, hasNote: NOTED_RULES.has(rule.id), estimate: rule.estimate,
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
