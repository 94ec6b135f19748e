/**
 * The built-in configuration: sample cards, warehouses, today's duty rules, sample FX.
 * Routes should pass real FX (ECB feed) and the shop's uploaded cards; these are for tests, demos and the simulator.
 */
import type { RateCard } from "../card-types";
import { compileRateEngine, type CompiledEngine } from "../compile";
import { DEFAULT_DUTY_RULES } from "../duties/default-duty-rules";
import type { FxTable } from "../fx";
import { DEFAULT_MERCHANT_RULES, type MerchantRules } from "../merchant-rules";
import type { RateContext } from "../quote-rates";
import { SAMPLE_CHINA_DIRECT, SAMPLE_EXPRESS, SAMPLE_POSTAL_ECONOMY } from "./sample-china-cards";
import { SAMPLE_EU_PARCEL, SAMPLE_UK_TRACKED, SAMPLE_US_GROUND } from "./sample-overseas-cards";
import { SAMPLE_DEFAULT_WAREHOUSE, SAMPLE_WAREHOUSES } from "./sample-warehouses";

export const SAMPLE_CARDS: readonly RateCard[] = [
  SAMPLE_CHINA_DIRECT, SAMPLE_EXPRESS, SAMPLE_POSTAL_ECONOMY, SAMPLE_US_GROUND, SAMPLE_EU_PARCEL, SAMPLE_UK_TRACKED,
];

/** SAMPLE rates (1 EUR = x), shaped like the ECB feed; never use for real checkouts. */
export const SAMPLE_FX: FxTable = {
  base: "EUR",
  asOf: "sample",
  rates: {
    USD: 1.08, CNY: 7.8, GBP: 0.85, JPY: 165, AUD: 1.65, CAD: 1.5, SGD: 1.45, CHF: 0.95, SEK: 11.5, DKK: 7.46,
    PLN: 4.3, NZD: 1.8, HKD: 8.45, MXN: 19.5, KRW: 1500, KWD: 0.33, RON: 4.97,
  },
};

let sampleEngine: CompiledEngine | null = null;

/** Compiled once: compiling is the slow part and the sample data never changes. */
export function getSampleEngine(): CompiledEngine {
  sampleEngine ??= compileRateEngine({
    cards: SAMPLE_CARDS,
    warehouses: SAMPLE_WAREHOUSES,
    defaultWarehouseCode: SAMPLE_DEFAULT_WAREHOUSE,
    dutyRules: DEFAULT_DUTY_RULES,
  });
  return sampleEngine;
}

export function buildDefaultRateContext(overrides: { now?: Date; fx?: FxTable; merchantRules?: MerchantRules; engine?: CompiledEngine } = {}): RateContext {
  return {
    engine: overrides.engine ?? getSampleEngine(),
    merchantRules: overrides.merchantRules ?? DEFAULT_MERCHANT_RULES,
    fx: overrides.fx ?? SAMPLE_FX,
    now: overrides.now ?? new Date(),
  };
}
