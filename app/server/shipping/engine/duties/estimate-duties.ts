/**
 * Estimates duty, import tax and import fees for one parcel (one consignment for customs), in cart currency, for its
 * lane (destination, ship-from country, transport mode, the seller's registrations) at the order date.
 * The estimate is always computed; the service's incoterm decides whether it is charged. Per distinct HS6 line the
 * result shows the duty and per-line fees, because EU low-value duty and fees count lines, not items.
 */
import type { CurrencyCode, Money } from "../../../money";
import type { TransportMode } from "../card-types";
import { convertExact, requireRate, roundMinor, type FxTable } from "../fx";
import { EU_COUNTRIES } from "./default-duty-rules";
import { ALL_REGISTERED, type CollectedAt, type CompiledDutyRule, type CompiledFeeRule, type DutyCalc, type DutyOverride, type DutyTreatment, type Registrations } from "./duty-types";
import { feesInForce, selectDutyRule, type CompiledDutyRules } from "./select-rule";

export interface DutiableLine {
  readonly unitPriceMinor: number; // cart currency
  readonly quantity: number;
  readonly hsCode: string | null;
  readonly originCountry: string | null;
  readonly sku?: string | null;
}

export interface DutyInput {
  readonly shipFromCountry: string;
  readonly destinationCountry: string;
  readonly province: string | null;
  readonly lines: readonly DutiableLine[];
  readonly currency: CurrencyCode; // cart
  readonly fx: FxTable;
  readonly now: Date;
  readonly transport?: TransportMode; // default courier
  readonly registrations?: Registrations; // default: registered everywhere
  readonly overrides?: readonly DutyOverride[];
}

/** Where a line's duty rate came from: a published schedule, a flat rule, the merchant, or a fallback estimate. */
export type RateBasis = "schedule" | "flat" | "override" | "estimate" | "none";

export interface HsLine {
  readonly hs6: string | null; // null: the line has no HS code (counted as its own line)
  readonly units: number;
  readonly value: Money;
  readonly duty: Money;
  readonly fees: Money; // per-line fees only; per-parcel fees are in `feeCharges`
  readonly basis: RateBasis;
}

export interface FeeCharge {
  readonly id: string;
  readonly label: string;
  readonly per: "hs6-line" | "parcel";
  readonly count: number;
  readonly amount: Money;
  readonly source: string;
  readonly estimate: boolean;
}

export interface DutyResult {
  readonly ruleId: string;
  readonly ruleLabel: string;
  readonly ruleSource: string;
  readonly collectedAt: CollectedAt;
  readonly consignmentValue: Money;
  readonly duty: Money; // sum of the HS lines' rounded duties, so the breakdown adds up
  readonly tax: Money;
  readonly fees: Money; // sum of the rounded fee charges
  readonly feeCharges: readonly FeeCharge[];
  readonly hsLines: readonly HsLine[];
  readonly distinctHsLines: number;
  readonly estimate: boolean; // anything here not from a published schedule or rule
}

const EU = new Set(EU_COUNTRIES);

function isDomestic(from: string, to: string): boolean {
  return from === to || (EU.has(from) && EU.has(to));
}

/** A line's customs-line key: its 6-digit subheading, or the line itself when it has no HS code. */
const lineKey = (line: DutiableLine, index: number) => line.hsCode?.slice(0, 6) ?? `line-${index}`;

// Tables (schedules, add-ons, a shop's overrides) are read-only compiled data and a catalogue has a bounded set of HS
// codes, so each table remembers its answer per HS code: the walk over a schedule's prefixes, which allocated an
// entry array per call, ran for every line of every parcel of every quote.
const PREFIX_MEMO_LIMIT = 10_000;
const prefixMemo = new WeakMap<object, Map<string, unknown>>();

function longestPrefix<T>(table: Readonly<Record<string, T>>, hs: string | null): T | undefined {
  if (!hs) return undefined;
  let memo = prefixMemo.get(table);
  if (memo === undefined) prefixMemo.set(table, (memo = new Map()));
  else if (memo.has(hs)) return memo.get(hs) as T | undefined;
  let best: T | undefined;
  let length = 0;
  for (const prefix in table) if (Object.hasOwn(table, prefix) && prefix.length > length && hs.startsWith(prefix)) [best, length] = [table[prefix], prefix.length];
  if (memo.size >= PREFIX_MEMO_LIMIT) memo.clear();
  memo.set(hs, best);
  return best;
}

// One table per overrides list (a shop's rules object lives as long as its rate context).
const overridesByHs = new WeakMap<readonly DutyOverride[], Readonly<Record<string, number>>>();

function overrideFor(overrides: readonly DutyOverride[], line: DutiableLine): number | undefined {
  if (overrides.length === 0) return undefined;
  if (line.sku) {
    const bySku = overrides.find((o) => o.sku && o.sku === line.sku);
    if (bySku) return bySku.percent;
  }
  let byHs = overridesByHs.get(overrides);
  if (!byHs) overridesByHs.set(overrides, (byHs = Object.fromEntries(overrides.filter((o) => o.hsPrefix).map((o) => [o.hsPrefix!, o.percent]))));
  return longestPrefix(byHs, line.hsCode);
}

function adValoremPercent(calc: Extract<DutyCalc, { kind: "ad-valorem" }>, line: DutiableLine, overrides: readonly DutyOverride[]): { percent: number; basis: RateBasis } {
  const override = overrideFor(overrides, line);
  if (override !== undefined) return { percent: override + calc.surchargePercent, basis: "override" };
  const scheduled = longestPrefix(calc.byHsPrefix, line.hsCode);
  const origin = line.originCountry;
  const scheduledExtra = origin ? longestPrefix(calc.extraByOriginHs, line.hsCode)?.[origin] : undefined;
  const fallbackExtra = origin ? calc.extraByOrigin[origin] ?? 0 : 0;
  // Without a published add-on for this line and origin, the origin's fallback add-on applies (an estimate): under-
  // charging Section 301 on a China-origin good would be worse than an estimate the merchant can override.
  const extra = scheduledExtra ?? fallbackExtra;
  const basis: RateBasis = scheduled !== undefined && (scheduledExtra !== undefined || fallbackExtra === 0) ? "schedule" : "estimate";
  return { percent: (scheduled ?? calc.percent) + extra + calc.surchargePercent, basis };
}

function taxPercent(t: DutyTreatment, country: string, province: string | null): number {
  return (province ? t.taxPercentByProvince[province.toUpperCase()] : undefined) ?? t.taxPercentByCountry[country] ?? t.taxPercent;
}

// Weakest basis first: one estimated line makes the customs line an estimate.
const RANK: Readonly<Record<RateBasis, number>> = { estimate: 4, override: 3, schedule: 2, flat: 1, none: 0 };

interface LineDuty { readonly index: number; readonly exact: number; readonly basis: RateBasis }

/** Exact duty per source line (cart minor units) and the treatment's tax, for the lines under one treatment. */
function applyTreatment(t: DutyTreatment, lines: readonly { line: DutiableLine; index: number }[], input: DutyInput, ruleCurrency: CurrencyCode) {
  const duties: LineDuty[] = [];
  const calc = t.duty;
  if (calc.kind === "ad-valorem") {
    for (const { line, index } of lines) {
      const { percent, basis } = adValoremPercent(calc, line, input.overrides ?? []);
      duties.push({ index, exact: (line.unitPriceMinor * line.quantity * percent) / 100, basis });
    }
  } else if (calc.kind === "flat-per-subheading") {
    // Charged once per distinct subheading, on its first line; a line without an HS code counts as its own (over- rather than under-estimate).
    const amount = convertExact(calc.amountMinor, ruleCurrency, input.currency, requireRate(input.fx, ruleCurrency, input.currency));
    const seen = new Set<string>();
    for (const { line, index } of lines) {
      const key = lineKey(line, index);
      duties.push({ index, exact: seen.has(key) ? 0 : amount, basis: "flat" });
      seen.add(key);
    }
  } else if (calc.kind === "per-parcel-by-origin" && lines.length > 0) {
    // One specific duty per postal item (the parcel), at the highest tier among its lines' origins.
    const tier = Math.max(...lines.map(({ line }) => (line.originCountry ? calc.byOrigin[line.originCountry] : undefined) ?? calc.otherMinor));
    const amount = convertExact(tier, ruleCurrency, input.currency, requireRate(input.fx, ruleCurrency, input.currency));
    lines.forEach(({ index }, i) => duties.push({ index, exact: i === 0 ? amount : 0, basis: "flat" }));
  } else {
    for (const { index } of lines) duties.push({ index, exact: 0, basis: "none" });
  }
  const value = lines.reduce((acc, { line }) => acc + line.unitPriceMinor * line.quantity, 0);
  const duty = duties.reduce((acc, d) => acc + d.exact, 0);
  const tax = ((value + duty) * taxPercent(t, input.destinationCountry, input.province)) / 100;
  return { duties, tax };
}

type Tier = "low" | "middle" | "high";

function tierOf(rule: CompiledDutyRule, valueCartMinor: number, input: DutyInput, origins: readonly (string | null)[]): Tier {
  if (origins.some((o) => o !== null && rule.lowValueExcludedOrigins.includes(o))) return "high";
  if (rule.lowValueLimitMinor === null) return "low";
  const rate = requireRate(input.fx, input.currency, rule.currency);
  const value = convertExact(valueCartMinor, input.currency, rule.currency, rate) * rule.valueFactor;
  if (value <= rule.lowValueLimitMinor) return "low";
  return rule.middle && value <= rule.middle.limitMinor ? "middle" : "high";
}

function treatmentFor(rule: CompiledDutyRule, tier: Tier, registrations: Registrations): DutyTreatment {
  if (tier === "middle" && rule.middle) return rule.middle.treatment;
  if (tier !== "low") return rule.high;
  return rule.registration && rule.lowUnregistered && !registrations[rule.registration] ? rule.lowUnregistered : rule.low;
}

function feeApplies(fee: CompiledFeeRule, value: number, input: DutyInput): boolean {
  if (fee.maxConsignmentMinor === null) return true;
  const rate = requireRate(input.fx, input.currency, fee.maxConsignmentCurrency);
  return convertExact(value, input.currency, fee.maxConsignmentCurrency, rate) <= fee.maxConsignmentMinor;
}

/** An estimate with nothing due: a domestic shipment, or a lane without a rule. */
function nothingDue(cur: CurrencyCode, consignmentValue: Money, ruleId: string, ruleLabel: string, collectedAt: CollectedAt, ruleSource: string, estimate: boolean): DutyResult {
  const zero = roundMinor(0, cur);
  return { ruleId, ruleLabel, ruleSource, collectedAt, consignmentValue, duty: zero, tax: zero, fees: zero, feeCharges: [], hsLines: [], distinctHsLines: 0, estimate };
}

// Plain loops and no per-call closures below: an estimate runs for every parcel priced of every distinct cart
// (three a cart in the carrier-service benchmark), and its closures, maps and sets showed in the callback's profile.
export function estimateDuties(rules: CompiledDutyRules, input: DutyInput): DutyResult {
  const cur = input.currency;
  const lines = input.lines;
  let value = 0;
  for (const l of lines) value += l.unitPriceMinor * l.quantity;
  const consignmentValue = roundMinor(value, cur);
  if (isDomestic(input.shipFromCountry, input.destinationCountry)) return nothingDue(cur, consignmentValue, "domestic", "Domestic shipment: no customs", "none", "no border crossed (EU single market counts as domestic)", false);
  const lane = { shipFrom: input.shipFromCountry, transport: input.transport ?? "courier" };
  const rule = selectDutyRule(rules, input.destinationCountry, input.now, lane);
  if (!rule) return nothingDue(cur, consignmentValue, "none", "No duty rule configured", "border", "none", true);
  const registrations = input.registrations ?? ALL_REGISTERED;
  const indexed = new Array<{ line: DutiableLine; index: number }>(lines.length);
  for (let i = 0; i < lines.length; i++) indexed[i] = { line: lines[i]!, index: i };
  const groups = new Map<Tier, { line: DutiableLine; index: number }[]>();
  if (rule.basis === "per-item") {
    for (const entry of indexed) {
      const tier = tierOf(rule, entry.line.unitPriceMinor, input, [entry.line.originCountry]);
      (groups.get(tier) ?? groups.set(tier, []).get(tier)!).push(entry);
    }
  } else {
    const origins = new Array<string | null>(lines.length);
    for (let i = 0; i < lines.length; i++) origins[i] = lines[i]!.originCountry;
    groups.set(tierOf(rule, value, input, origins), indexed);
  }
  const lineDuty = new Array<LineDuty>(lines.length);
  let taxExact = 0;
  let estimate = rule.estimate;
  let collectedAt: CollectedAt | null = null; // "mixed" once two groups with lines are collected in different places
  for (const [tier, entries] of groups) {
    const t = treatmentFor(rule, tier, registrations);
    const { duties, tax } = applyTreatment(t, entries, input, rule.currency);
    for (const d of duties) lineDuty[d.index] = d;
    taxExact += tax;
    estimate ||= t.estimate;
    if (entries.length) collectedAt = collectedAt === null || collectedAt === t.collectedAt ? t.collectedAt : "mixed";
  }
  collectedAt ??= "none";

  // Import fees of the destination in force for this lane and value; a parcel whose duty and tax are all "none" (de minimis) pays none.
  const keys = new Map<string, number[]>(); // customs line → source line indexes
  for (let i = 0; i < lines.length; i++) {
    const key = lineKey(lines[i]!, i);
    const list = keys.get(key);
    if (list) list.push(i);
    else keys.set(key, [i]);
  }
  let perLineFeeExact = 0;
  const feeCharges: FeeCharge[] = [];
  let feesExact = 0;
  if (collectedAt !== "none") {
    for (const f of feesInForce(rules, input.destinationCountry, input.now, lane)) {
      if (!feeApplies(f, value, input)) continue;
      const each = convertExact(f.amountMinor, f.currency, cur, requireRate(input.fx, f.currency, cur));
      if (f.per === "hs6-line") perLineFeeExact += each;
      const count = f.per === "parcel" ? 1 : keys.size;
      estimate ||= f.estimate;
      const amount = roundMinor(count * each, cur);
      feesExact += amount.amount;
      feeCharges.push({ id: f.id, label: f.label, per: f.per, count, amount, source: f.source, estimate: f.estimate });
    }
  }

  const lineFees = roundMinor(perLineFeeExact, cur);
  const hsLines: HsLine[] = [];
  let dutySum = 0;
  for (const [key, indexes] of keys) {
    let dutyExact = 0;
    let units = 0;
    let valueExact = 0;
    let basis: RateBasis = "none";
    for (const i of indexes) {
      const d = lineDuty[i];
      const l = lines[i]!;
      dutyExact += d?.exact ?? 0;
      units += l.quantity;
      valueExact += l.unitPriceMinor * l.quantity;
      if (d && RANK[d.basis] > RANK[basis]) basis = d.basis;
    }
    estimate ||= basis === "estimate" && dutyExact > 0;
    const duty = roundMinor(dutyExact, cur);
    dutySum += duty.amount;
    hsLines.push({ hs6: key.startsWith("line-") ? null : key, units, value: roundMinor(valueExact, cur), duty, fees: lineFees, basis });
  }
  return {
    ruleId: rule.id,
    ruleLabel: rule.label,
    ruleSource: rule.source,
    collectedAt,
    consignmentValue,
    duty: roundMinor(dutySum, cur),
    tax: roundMinor(taxExact, cur),
    fees: roundMinor(feesExact, cur),
    feeCharges,
    hsLines,
    distinctHsLines: keys.size,
    estimate,
  };
}
