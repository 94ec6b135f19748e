/**
 * POST /carrier-service/rates: authenticate, validate, join supplier mappings, quote, answer in Shopify's format.
 * The hot path touches only memory once a shop is warm (compiled engine, mappings, FX); a cold shop costs
 * a few indexed queries, never a network call to Shopify or a supplier. Logs carry the shop and reason
 * codes only, never addresses.
 */
import { cachedFxTable } from "../../fx/fx-rates.server";
import type { FxTable as AppFxTable } from "../../fx/fx-table";
import { toGid } from "../../shopify/gid";
import { fromCarrierServicePayload, quoteRates, toCarrierServiceResponse, type FxTable } from "../engine";
import { mappingsForLines, type LineKey } from "../mapping-cache.server";
import { shopRateContext } from "../shop-rate-context.server";
import { authenticateCarrierService } from "./authenticate.server";
import { enrichItems } from "./enrich";
import { parseRateRequestPayload } from "./payload";
import { badRequest, internalFailure, ratesResponse } from "./responses";

let lastFx: { source: AppFxTable; table: FxTable } | null = null;

/** The engine's view of the process's newest ECB table, rebuilt only when that table changes. */
function engineFx(): FxTable {
  const source = cachedFxTable();
  if (lastFx?.source !== source) lastFx = { source, table: { base: source.base, rates: source.rates, asOf: source.effectiveDate } };
  return lastFx.table;
}

function lineKey(item: { variantId?: string | number | null; sku?: string | null }): LineKey {
  const id = item.variantId == null ? "" : String(item.variantId);
  return { variantGid: /^[1-9]\d*$/.test(id) ? toGid("ProductVariant", id) : null, sku: item.sku ? item.sku : null };
}

export async function answerRateRequest(request: Request, now: () => Date = () => new Date()): Promise<Response> {
  let shop: string;
  let rawBody: string;
  try {
    ({ shop, rawBody } = await authenticateCarrierService(request));
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  const parsed = parseRateRequestPayload(rawBody);
  if (!parsed.ok) return badRequest(parsed.message);
  try {
    const input = fromCarrierServicePayload(parsed.payload);
    if (input.items.length === 0) return ratesResponse([]); // nothing in the cart needs shipping
    const [context, mappings] = await Promise.all([shopRateContext(shop), mappingsForLines(shop, input.items.map(lineKey))]);
    const result = quoteRates(enrichItems(input, mappings, context.defaultBox), {
      engine: context.engine, merchantRules: context.merchantRules, fx: engineFx(), now: now(),
    });
    const whole = result.exclusions.find((e) => e.serviceCode === null);
    if (whole) console.warn(`[carrier-service] shop=${shop} no rates: ${whole.reason}`);
    return ratesResponse(toCarrierServiceResponse(result.quotes).rates);
  } catch (error) {
    console.error(`[carrier-service] shop=${shop} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : "unknown error"}`);
    return internalFailure();
  }
}
