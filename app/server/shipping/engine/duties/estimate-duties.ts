/**
 * Estimates duty and import tax for one parcel (one consignment for customs), in cart currency.
 * The estimate is always computed; the service's incoterm decides whether it is charged.
 */
import type { CurrencyCode, Money } from "../../../money";
import { convertExact, requireRate, roundMinor, type FxTable } from "../fx";
import { EU_COUNTRIES } from "./default-duty-rules";
import type { CollectedAt, CompiledDutyRule, DutyCalc, DutyTreatment } from "./duty-types";
import { selectDutyRule, type CompiledDutyRules } from "./select-rule";

export interface DutiableLine {
  readonly unitPriceMinor: number; // cart currency
  readonly quantity: number;
  readonly hsCode: string | null;
  readonly originCountry: string | null;
}

export interface DutyInput {
  readonly shipFromCountry: string;
  readonly destinationCountry: string;
  readonly province: string | null;
  readonly lines: readonly DutiableLine[];
  readonly currency: CurrencyCode; // cart
  readonly fx: FxTable;
  readonly now: Date;
}

export interface DutyResult {
  readonly ruleId: string;
  readonly ruleLabel: string;
  readonly collectedAt: CollectedAt;
  readonly consignmentValue: Money;
  readonly duty: Money;
  readonly tax: Money;
}

const EU = new Set(EU_COUNTRIES);

function isDomestic(from: string, to: string): boolean {
  return from === to || (EU.has(from) && EU.has(to));
}

function dutyPercent(calc: Extract<DutyCalc, { kind: "ad-valorem" }>, line: DutiableLine): number {
  let percent = calc.percent;
  let bestLength = 0;
  if (line.hsCode) {
    for (const [prefix, value] of Object.entries(calc.byHsPrefix)) {
      if (prefix.length > bestLength && line.hsCode.startsWith(prefix)) [percent, bestLength] = [value, prefix.length];
    }
  }
  return percent + (line.originCountry ? calc.extraByOrigin[line.originCountry] ?? 0 : 0);
}

function taxPercent(t: DutyTreatment, country: string, province: string | null): number {
  return (province ? t.taxPercentByProvince[province.toUpperCase()] : undefined) ?? t.taxPercentByCountry[country] ?? t.taxPercent;
}

/** Exact duty + tax (cart minor units) for lines under one treatment. */
function applyTreatment(t: DutyTreatment, lines: readonly DutiableLine[], input: DutyInput, ruleCurrency: CurrencyCode) {
  let duty = 0;
  const value = lines.reduce((acc, l) => acc + l.unitPriceMinor * l.quantity, 0);
  if (t.duty.kind === "ad-valorem") {
    for (const line of lines) duty += (line.unitPriceMinor * line.quantity * dutyPercent(t.duty, line)) / 100;
  } else if (t.duty.kind === "flat-per-subheading" && lines.length > 0) {
    // A line without an HS code counts as its own subheading: over- rather than under-estimate.
    const subheadings = new Set(lines.map((l, i) => l.hsCode?.slice(0, 6) ?? `line-${i}`));
    const rate = requireRate(input.fx, ruleCurrency, input.currency);
    duty = convertExact(subheadings.size * t.duty.amountMinor, ruleCurrency, input.currency, rate);
  }
  const tax = ((value + duty) * taxPercent(t, input.destinationCountry, input.province)) / 100;
  return { duty, tax };
}

function isLow(rule: CompiledDutyRule, valueCartMinor: number, input: DutyInput, origins: readonly (string | null)[]): boolean {
  if (origins.some((o) => o !== null && rule.lowValueExcludedOrigins.includes(o))) return false;
  if (rule.lowValueLimitMinor === null) return true;
  const rate = requireRate(input.fx, input.currency, rule.currency);
  return convertExact(valueCartMinor, input.currency, rule.currency, rate) * rule.valueFactor <= rule.lowValueLimitMinor;
}

export function estimateDuties(rules: CompiledDutyRules, input: DutyInput): DutyResult {
  const value = input.lines.reduce((acc, l) => acc + l.unitPriceMinor * l.quantity, 0);
  const zero = roundMinor(0, input.currency);
  const consignmentValue = roundMinor(value, input.currency);
  if (isDomestic(input.shipFromCountry, input.destinationCountry)) {
    return { ruleId: "domestic", ruleLabel: "Domestic shipment: no customs", collectedAt: "none", consignmentValue, duty: zero, tax: zero };
  }
  const rule = selectDutyRule(rules, input.destinationCountry, input.now);
  if (!rule) {
    return { ruleId: "none", ruleLabel: "No duty rule configured", collectedAt: "border", consignmentValue, duty: zero, tax: zero };
  }
  let low: DutiableLine[];
  let high: DutiableLine[];
  if (rule.basis === "per-item") {
    low = input.lines.filter((l) => isLow(rule, l.unitPriceMinor, input, [l.originCountry]));
    high = input.lines.filter((l) => !low.includes(l));
  } else {
    const allLow = isLow(rule, value, input, input.lines.map((l) => l.originCountry));
    [low, high] = allLow ? [[...input.lines], []] : [[], [...input.lines]];
  }
  const a = applyTreatment(rule.low, low, input, rule.currency);
  const b = applyTreatment(rule.high, high, input, rule.currency);
  const places = new Set<CollectedAt>();
  if (low.length) places.add(rule.low.collectedAt);
  if (high.length) places.add(rule.high.collectedAt);
  const collectedAt: CollectedAt = places.size > 1 ? "mixed" : ([...places][0] ?? "none");
  return {
    ruleId: rule.id,
    ruleLabel: rule.label,
    collectedAt,
    consignmentValue,
    duty: roundMinor(a.duty + b.duty, input.currency),
    tax: roundMinor(a.tax + b.tax, input.currency),
  };
}
