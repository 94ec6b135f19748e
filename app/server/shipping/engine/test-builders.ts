/** Test fixtures as builders with overrides (see docs/CONVENTIONS.md). Not imported by production code. */
import type { RateCard, Warehouse } from "./card-types";
import { compileRateEngine, type CompiledEngine } from "./compile";
import { defineCard, firstAdditional, zone } from "./defaults/card-helpers";
import { buildDefaultRateContext } from "./defaults/default-context";
import { SAMPLE_WAREHOUSES } from "./defaults/sample-warehouses";
import { DEFAULT_DUTY_RULES } from "./duties/default-duty-rules";
import { buildMerchantRules } from "./merchant-rules";
import type { MerchantRules } from "./merchant-rules";
import type { RateContext } from "./quote-rates";
import type { RateRequestInput } from "./request-schema";

type ItemInput = RateRequestInput["items"][number];

/** A Tuesday morning in Shenzhen, before every sample cut-off. */
export const TUESDAY_9AM_SHANGHAI = new Date("2026-11-24T01:00:00Z");

export function buildItem(overrides: Partial<ItemInput> = {}): ItemInput {
  return { sku: "SKU-1", variantId: "1001", quantity: 1, grams: 300, priceMinor: 19_99, ...overrides };
}

export function buildRateRequest(overrides: Omit<Partial<RateRequestInput>, "destination"> & { destination?: Partial<RateRequestInput["destination"]> } = {}): RateRequestInput {
  const { destination, ...rest } = overrides;
  return {
    origin: { country: "CN", postal_code: "518000", province: "GD", city: "Shenzhen" },
    items: [buildItem()],
    currency: "USD",
    ...rest,
    destination: { country: "US", province: "CA", postal_code: "94103", city: "San Francisco", ...destination },
  };
}

export function buildCard(overrides: Partial<RateCard> = {}): RateCard {
  return defineCard({
    code: "TEST-CARD",
    name: "Test Service",
    currency: "USD",
    incoterm: "DDU",
    origins: ["CN"],
    zones: [zone("US", ["US"], [5, 8], firstAdditional(500, 10_00, 500, 2_00))],
    ...overrides,
  });
}

export function buildEngine(overrides: { cards?: RateCard[]; warehouses?: Warehouse[]; defaultWarehouseCode?: string } = {}): CompiledEngine {
  return compileRateEngine({
    cards: overrides.cards ?? [buildCard()],
    warehouses: overrides.warehouses ?? SAMPLE_WAREHOUSES,
    defaultWarehouseCode: overrides.defaultWarehouseCode ?? "CN-SZ",
    dutyRules: DEFAULT_DUTY_RULES,
  });
}

export function buildContext(overrides: { engine?: CompiledEngine; now?: Date; merchantRules?: Partial<MerchantRules> } = {}): RateContext {
  return buildDefaultRateContext({
    engine: overrides.engine,
    now: overrides.now ?? TUESDAY_9AM_SHANGHAI,
    merchantRules: buildMerchantRules(overrides.merchantRules),
  });
}
