/** Picks the duty rule in force for a destination at an instant. */
import type { CompiledDutyRule, DutyRule } from "./duty-types";

export interface CompiledDutyRules {
  readonly byCountry: ReadonlyMap<string, readonly CompiledDutyRule[]>;
  readonly fallback: readonly CompiledDutyRule[];
}

function toMs(text: string | null, open: number): number {
  if (text === null) return open;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`Duty rule date "${text}" is not ISO 8601`);
  return ms;
}

/** Newest effectiveFrom first, so an overlapping, more recent rule (e.g. an origin carve-out) wins. */
export function compileDutyRules(rules: readonly DutyRule[]): CompiledDutyRules {
  const byCountry = new Map<string, CompiledDutyRule[]>();
  const fallback: CompiledDutyRule[] = [];
  for (const rule of rules) {
    const compiled: CompiledDutyRule = { ...rule, fromMs: toMs(rule.effectiveFrom, -Infinity), toMs: toMs(rule.effectiveTo, Infinity) };
    if (compiled.fromMs >= compiled.toMs) throw new Error(`Duty rule ${rule.id} ends before it starts`);
    for (const country of rule.countries) {
      const list = country === "*" ? fallback : byCountry.get(country) ?? byCountry.set(country, []).get(country)!;
      list.push(compiled);
    }
  }
  const newestFirst = (a: CompiledDutyRule, b: CompiledDutyRule) => b.fromMs - a.fromMs;
  for (const list of byCountry.values()) list.sort(newestFirst);
  fallback.sort(newestFirst);
  return { byCountry, fallback };
}

export function selectDutyRule(rules: CompiledDutyRules, country: string, at: Date): CompiledDutyRule | null {
  const ms = at.getTime();
  const inForce = (r: CompiledDutyRule) => r.fromMs <= ms && ms < r.toMs;
  return rules.byCountry.get(country)?.find(inForce) ?? rules.fallback.find(inForce) ?? null;
}
