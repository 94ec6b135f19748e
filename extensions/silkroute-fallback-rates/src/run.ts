/**
 * Merchants keep flat "international" rates as a fallback for when Silkroute cannot quote (an outage, a
 * destination no card serves). Shopify shows those next to Silkroute's calculated rates, where they undercut
 * real cross-border costs. This function hides the configured fallback rates in every delivery group that
 * already has a Silkroute rate, and leaves them alone where Silkroute offered nothing, so checkout never
 * ends without an option. The same Function applies the merchant's delivery rules (src/rules.ts): hide for
 * restricted items or PO boxes, rename, fastest first.
 */
import { applyRules, isPoBox, parseRules, type Operation } from "./rules";

export interface RunInput {
  cart: {
    deliveryGroups: Array<{
      id: string;
      deliveryAddress?: { address1?: string | null; address2?: string | null; countryCode?: string | null } | null;
      cartLines?: Array<{ merchandise: { __typename: string; restrictions?: { jsonValue: unknown } | null } }>;
      deliveryOptions: Array<{ handle: string; code?: string | null; title?: string | null; deliveryMethodType: string }>;
    }>;
  };
  deliveryCustomization: { metafield?: { jsonValue: unknown } | null; rules?: { jsonValue: unknown } | null };
}

export interface RunResult {
  operations: Operation[];
}

export const NO_CHANGES: RunResult = { operations: [] };

/** Silkroute's carrier service answers with service codes that start with this prefix. */
export const SILKROUTE_CODE_PREFIX = "SR-";

interface Configuration {
  fallbackTitles: string[];
  /** Codes of the merchant's own uploaded rate cards, which need not carry the SR- prefix. */
  silkrouteCodes: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

function configuration(input: RunInput): Configuration | null {
  const value = input.deliveryCustomization.metafield?.jsonValue as { fallbackTitles?: unknown; silkrouteCodes?: unknown } | undefined;
  const titles = strings(value?.fallbackTitles);
  return titles.length ? { fallbackTitles: titles.map(normalise), silkrouteCodes: strings(value?.silkrouteCodes) } : null;
}

const normalise = (title: string) => title.trim().toLowerCase();

function fallbackHides(config: Configuration | null, group: RunInput["cart"]["deliveryGroups"][number]): string[] {
  if (!config) return [];
  const isSilkroute = (code?: string | null) => !!code && (code.startsWith(SILKROUTE_CODE_PREFIX) || config.silkrouteCodes.includes(code));
  if (!group.deliveryOptions.some((o) => isSilkroute(o.code))) return [];
  return group.deliveryOptions
    .filter((o) => o.deliveryMethodType === "SHIPPING" && !isSilkroute(o.code) && config.fallbackTitles.includes(normalise(o.title ?? "")))
    .map((o) => o.handle);
}

function groupFlags(group: RunInput["cart"]["deliveryGroups"][number]): Set<string> {
  const flags = new Set<string>();
  for (const line of group.cartLines ?? []) {
    const value = line.merchandise.restrictions?.jsonValue as { flags?: unknown } | undefined;
    strings(value?.flags).forEach((f) => flags.add(f));
  }
  return flags;
}

export function run(input: RunInput): RunResult {
  const config = configuration(input);
  const rules = parseRules(input.deliveryCustomization.rules?.jsonValue);
  if (!config && !rules) return NO_CHANGES;
  const operations: Operation[] = [];
  for (const group of input.cart.deliveryGroups) {
    const hidden = fallbackHides(config, group);
    operations.push(...hidden.map((handle) => ({ deliveryOptionHide: { deliveryOptionHandle: handle } })));
    if (rules) operations.push(...applyRules(rules, group.deliveryOptions, { poBox: isPoBox(group.deliveryAddress), flags: groupFlags(group) }, new Set(hidden)));
  }
  return { operations };
}
