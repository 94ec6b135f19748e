/**
 * Merchants keep flat "international" rates as a fallback for when Silkroute cannot quote (an outage, a
 * destination no card serves). Shopify shows those next to Silkroute's calculated rates, where they undercut
 * real cross-border costs. This function hides the configured fallback rates in every delivery group that
 * already has a Silkroute rate, and leaves them alone where Silkroute offered nothing, so checkout never
 * ends without an option.
 */
export interface RunInput {
  cart: {
    deliveryGroups: Array<{
      id: string;
      deliveryOptions: Array<{ handle: string; code?: string | null; title?: string | null; deliveryMethodType: string }>;
    }>;
  };
  deliveryCustomization: { metafield?: { jsonValue: unknown } | null };
}

export interface RunResult {
  operations: Array<{ deliveryOptionHide: { deliveryOptionHandle: string } }>;
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

export function run(input: RunInput): RunResult {
  const config = configuration(input);
  if (!config) return NO_CHANGES;
  const isSilkroute = (code?: string | null) => !!code && (code.startsWith(SILKROUTE_CODE_PREFIX) || config.silkrouteCodes.includes(code));
  const operations: RunResult["operations"] = [];
  for (const group of input.cart.deliveryGroups) {
    if (!group.deliveryOptions.some((o) => isSilkroute(o.code))) continue;
    for (const option of group.deliveryOptions) {
      const isFallback = option.deliveryMethodType === "SHIPPING" && !isSilkroute(option.code)
        && config.fallbackTitles.includes(normalise(option.title ?? ""));
      if (isFallback) operations.push({ deliveryOptionHide: { deliveryOptionHandle: option.handle } });
    }
  }
  return { operations };
}
