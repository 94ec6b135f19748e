/** Public API of the pure cross-border rate engine. */
export { quoteRates, type RateContext } from "./quote-rates";
export { cardsInForce, compileRateEngine, RateCardError, type CompiledEngine, type EngineConfig } from "./compile";
export { diffRateCards, type CardChange } from "./card-diff";
export { buildDefaultRateContext, getSampleEngine, SAMPLE_CARDS, SAMPLE_FX } from "./defaults/default-context";
export { SAMPLE_WAREHOUSES, SAMPLE_DEFAULT_WAREHOUSE } from "./defaults/sample-warehouses";
export { DEFAULT_DUTY_RULES } from "./duties/default-duty-rules";
export { fromCarrierServicePayload, toCarrierServiceResponse, type CarrierServiceRate } from "./carrier-service";
export { parseRateCardCsv, type ParseRateCardResult } from "./csv/parse-rate-card-csv";
export { serializeRateCardCsv } from "./csv/serialize-rate-card-csv";
export { describeCsvError, type CsvError } from "./csv/parse-values";
export { validateRateCard, type CardIssue } from "./validate-card";
export { buildMerchantRules, DEFAULT_MERCHANT_RULES, type MerchantRules, type Markup } from "./merchant-rules";
export { parseRateRequest, rateRequestSchema, type RateRequest, type RateRequestInput } from "./request-schema";
export type { FxTable } from "./fx";
export type { DutyRule } from "./duties/duty-types";
export type * from "./card-types";
export type * from "./quote-types";
