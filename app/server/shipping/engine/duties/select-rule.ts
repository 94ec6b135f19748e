/** Picks the duty rule in force for a lane (destination, ship-from country, transport mode) at an instant. */
import type { TransportMode } from "../card-types";
import type { CompiledDutyRule, CompiledFeeRule, DutyRule, FeeRule } from "./duty-types";

export interface CompiledDutyRules {
  readonly byCountry: ReadonlyMap<string, readonly CompiledDutyRule[]>;
  readonly fallback: readonly CompiledDutyRule[];
  readonly feesByCountry: ReadonlyMap<string, readonly CompiledFeeRule[]>;
}

export interface Lane {
  readonly shipFrom: string;
  readonly transport: TransportMode;
}

function toMs(text: string | null, open: number): number {
  if (text === null) return open;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`Duty rule date "${text}" is not ISO 8601`);
  return ms;
}

const specificityOf = (r: DutyRule) => (r.shipFrom?.length ? 2 : 0) + (r.transport?.length ? 1 : 0);

/** Newest effectiveFrom first, so an overlapping, more recent rule (e.g. an origin carve-out) wins; then the most specific lane. */
export function compileDutyRules(rules: readonly DutyRule[], fees: readonly FeeRule[] = []): CompiledDutyRules {
  const byCountry = new Map<string, CompiledDutyRule[]>();
  const fallback: CompiledDutyRule[] = [];
  for (const rule of rules) {
    const compiled: CompiledDutyRule = { ...rule, fromMs: toMs(rule.effectiveFrom, -Infinity), toMs: toMs(rule.effectiveTo, Infinity), specificity: specificityOf(rule) };
    if (compiled.fromMs >= compiled.toMs) throw new Error(`Duty rule ${rule.id} ends before it starts`);
    for (const country of rule.countries) {
      const list = country === "*" ? fallback : byCountry.get(country) ?? byCountry.set(country, []).get(country)!;
      list.push(compiled);
    }
  }
  const order = (a: CompiledDutyRule, b: CompiledDutyRule) => b.fromMs - a.fromMs || b.specificity - a.specificity;
  for (const list of byCountry.values()) list.sort(order);
  fallback.sort(order);
  const feesByCountry = new Map<string, CompiledFeeRule[]>();
  for (const fee of fees) {
    const compiled: CompiledFeeRule = { ...fee, fromMs: toMs(fee.effectiveFrom, -Infinity), toMs: toMs(fee.effectiveTo, Infinity) };
    if (compiled.fromMs >= compiled.toMs) throw new Error(`Fee rule ${fee.id} ends before it starts`);
    for (const country of fee.countries) (feesByCountry.get(country) ?? feesByCountry.set(country, []).get(country)!).push(compiled);
  }
  return { byCountry, fallback, feesByCountry };
}

function matchesLane(r: CompiledDutyRule | CompiledFeeRule, lane: Lane | undefined): boolean {
  if (!lane) return true;
  if ("shipFrom" in r && r.shipFrom?.length && !r.shipFrom.includes(lane.shipFrom)) return false;
  return !r.transport?.length || r.transport.includes(lane.transport);
}

// Plain loops, no closure per call: both run for every parcel priced of every distinct cart.
function firstInForce(list: readonly CompiledDutyRule[] | undefined, ms: number, lane: Lane | undefined): CompiledDutyRule | null {
  if (list) for (const r of list) if (r.fromMs <= ms && ms < r.toMs && matchesLane(r, lane)) return r;
  return null;
}

export function selectDutyRule(rules: CompiledDutyRules, country: string, at: Date, lane?: Lane): CompiledDutyRule | null {
  const ms = at.getTime();
  return firstInForce(rules.byCountry.get(country), ms, lane) ?? firstInForce(rules.fallback, ms, lane);
}

const NO_FEES: readonly CompiledFeeRule[] = Object.freeze([]);

export function feesInForce(rules: CompiledDutyRules, country: string, at: Date, lane?: Lane): readonly CompiledFeeRule[] {
  const list = rules.feesByCountry.get(country);
  if (!list) return NO_FEES;
  const ms = at.getTime();
  const out: CompiledFeeRule[] = [];
  for (const f of list) if (f.fromMs <= ms && ms < f.toMs && matchesLane(f, lane)) out.push(f);
  return out;
}
