/**
 * POST /carrier-service/rates: authenticate, validate, join supplier mappings, quote, answer in Shopify's format.
 * `answerRawRateRequest` is the one implementation; the Remix route reaches it through `answerRateRequest`
 * (Fetch API) and the production server through its node:http fast path (app/server/http/).
 * The hot path touches only memory once a shop is warm (compiled engine, mappings, FX, recent answers); a cold
 * shop costs a few indexed queries, never a network call to Shopify or a supplier. Logs carry the shop and
 * reason codes only, never addresses.
 */
import { cachedFxTable } from "../../fx/fx-rates.server";
import type { FxTable as AppFxTable } from "../../fx/fx-table";
import { onMappingsChanged } from "../../sourcing/variant-mappings.server";
import { fromCarrierServicePayload, quoteRates, quoteValidRequest, toCarrierServiceResponse, type FxTable, type RateRequest, type RateRequestInput } from "../engine";
import type { QuoteResult } from "../engine/quote-types";
import { mappingsForLines, mappingsInMemory, onMappingStoreChanged, type MappingFields } from "../mapping-cache.server";
import { onShopRateContextInvalidated } from "../rate-context-cache";
import { recordRateCallback, type RateOutcome } from "../sla/rate-callback-stats.server";
import { loadedShopRateContext, shopRateContext, uncachedShopRateContext, type ShopRateContext } from "../shop-rate-context.server";
import { authenticateRawRateRequest, readBoundedBody, signedShopInMemory, verifiedInMemory, type CarrierServiceRequest, type RawRateRequest } from "./authenticate.server";
import { enrichedRequest, enrichItems } from "./enrich";
import { callbackCart, lineKey, withSuppliers } from "./callback-request";
import { acceptRateRequestPayload, parseJsonBody, parseRateRequestPayload } from "./payload";
import { cachedQuote, existingQuotesFor, invalidateShopQuotes, quotesFor, rawQuoteKey, repeatOfVerified, seenBefore, storeQuote, type ShopQuotes } from "./quote-cache";
import { badRequest, internalFailure, methodNotAllowed, ratesAnswer, toResponse, type RateAnswer } from "./responses";

onMappingsChanged(invalidateShopQuotes);
onMappingStoreChanged(invalidateShopQuotes);
onShopRateContextInvalidated(invalidateShopQuotes);

let lastFx: { source: AppFxTable; table: FxTable } | null = null;

/** The engine's view of the process's newest ECB table, rebuilt only when that table changes. */
function engineFx(): FxTable {
  const source = cachedFxTable();
  if (lastFx?.source !== source) lastFx = { source, table: { base: source.base, rates: source.rates, asOf: source.effectiveDate } };
  return lastFx.table;
}

const keyParts = (context: ShopRateContext, fx: FxTable) => ({ settingsVersion: context.settingsVersion, cardsVersion: context.cardsVersion, fxDate: fx.asOf ?? "" });

const failureDetail = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : "unknown error");

const EMPTY_RATES = '{"rates":[]}';
const outcomeOf = (answer: RateAnswer): RateOutcome => (answer.status !== 200 ? "error" : answer.body === EMPTY_RATES ? "empty" : "rates");

/**
 * Answers a POST whose body the transport has read within MAX_RATE_REQUEST_BYTES. Never throws (nor rejects).
 * A signed request from a shop verified in the last minute, whose rate context is in memory, is answered
 * synchronously, with no promise at all: a byte-identical repeat from the quote cache (without computing the HMAC
 * again when its bytes and signature were verified before: checkout's repeats are most of the traffic, ADR 0720,
 * "Third round"), and a new cart whose mappings are all in memory by quoting it in this tick (ADR 0720, "Fifth
 * round"). Anything else returns a promise. Signed requests count towards the shop's checkout SLA (sla/): an
 * unsigned one could be anyone's.
 */
export function answerRawRateRequest(raw: RawRateRequest, now: () => Date = () => new Date()): RateAnswer | Promise<RateAnswer> {
  const started = performance.now();
  let known: RateAnswer | Verified | null = null;
  try {
    const at = now();
    const nowMs = at.getTime();
    const shop = signedShopInMemory(raw, nowMs);
    known = shop === null ? null : repeatedAnswer(raw, shop, nowMs);
    // A repeat's answer as found; a verified miss quoted here when memory allows (else null: answerFully takes it).
    const answer = known === null ? null : !("request" in known) ? known : known.missedKey === undefined ? null : answerInMemory(known.request, known.missedKey, at);
    if (answer) {
      recordRateCallback(shop!, outcomeOf(answer), performance.now() - started, nowMs);
      return answer;
    }
  } catch {
    known = null; // the full path checks again from the start and answers any failure itself
  }
  return answerFully(raw, known as Verified | null, started, now); // an answer found above was returned
}

/** A request the in-memory check verified; `missedKey`: its quote key, when the quote cache was asked and had nothing. */
interface Verified { readonly request: CarrierServiceRequest; readonly missedKey?: string }

/**
 * For a signed request of a shop verified in the last minute: this minute's answer to the same bytes under the same
 * versions (when the shop's context is in memory), else the request once its HMAC is verified, else null.
 */
function repeatedAnswer(raw: RawRateRequest, shop: string, nowMs: number): RateAnswer | Verified | null {
  const loaded = loadedShopRateContext(shop, nowMs);
  if (!loaded) {
    const request = verifiedInMemory(raw, shop);
    return request && { request };
  }
  const quotes = quotesFor(shop, nowMs);
  const parts = keyParts(loaded, engineFx());
  const sentKey = rawQuoteKey(parts, { rawBody: raw.body, hmacDigest: raw.hmacHeader! });
  const repeat = repeatOfVerified(quotes, sentKey, raw.body, nowMs);
  if (repeat) return repeat;
  const request = verifiedInMemory(raw, shop);
  if (!request) return null;
  // The header as sent is the digest itself unless it was encoded oddly (then the digest's own key is looked up).
  const key = request.hmacDigest === raw.hmacHeader ? sentKey : rawQuoteKey(parts, request);
  return cachedQuote(quotes, key, nowMs, raw.body) ?? { request, missedKey: key };
}

/** `known`: the request when the in-memory check verified it. */
async function answerFully(raw: RawRateRequest, known: Verified | null, started: number, now: () => Date): Promise<RateAnswer> {
  let request: CarrierServiceRequest;
  if (known) request = known.request;
  else {
    try {
      const auth = await authenticateRawRateRequest(raw);
      if (!auth.ok) return auth.answer;
      request = auth.request;
    } catch (error) {
      console.error(`[carrier-service] authentication failed: ${failureDetail(error)}`);
      return internalFailure();
    }
  }
  const answer = await answerAuthenticated(request, now, known?.missedKey);
  if (request.hmacVerified) recordRateCallback(request.shop, outcomeOf(answer), performance.now() - started, now().getTime());
  return answer;
}

/** `missedKey`: the body's quote key, when the synchronous check (in this same tick) already asked the cache for it. */
async function answerAuthenticated(request: CarrierServiceRequest, now: () => Date, missedKey?: string): Promise<RateAnswer> {
  const { shop, rawBody } = request;
  // An unsigned request (only answered while the shop has never signed one) reads what signed requests warmed,
  // but never adds to a cache: no quote stored, no context kept, no mapping table loaded (ADR 0710).
  const caches = request.hmacVerified;
  const at = now();
  const nowMs = at.getTime();
  const shopQuotes = (): ShopQuotes | undefined => (caches ? quotesFor(shop, nowMs) : existingQuotesFor(shop, nowMs));
  let fx = engineFx();
  // A byte-identical body under the same versions gets the answer computed before: no JSON parse, no validation.
  // Only with the shop's context already in memory, so a cold shop's malformed body is still a 400, not a load.
  // Answers are keyed by the body's digest alone (ADR 0720, "Quote path"): Shopify's repeats of a cart are
  // byte-identical, and a normalised second key cost every miss a JSON.stringify, a SHA-256 and a second store.
  const loaded = loadedShopRateContext(shop, nowMs);
  let key = loaded && (missedKey ?? rawQuoteKey(keyParts(loaded, fx), request));
  if (key && missedKey === undefined) {
    const quotes = shopQuotes();
    const hit = quotes && cachedQuote(quotes, key, nowMs);
    if (hit) return hit;
  }
  const parsed = parseRateRequestPayload(rawBody.toString("utf8"));
  if (!parsed.ok) return badRequest(parsed.message);
  try {
    const input = fromCarrierServicePayload(parsed.payload);
    if (input.items.length === 0) return ratesAnswer([]); // nothing in the cart needs shipping
    const context = loaded ?? (await (caches ? shopRateContext(shop, nowMs) : uncachedShopRateContext(shop)));
    const quotes = shopQuotes();
    if (!loaded) {
      fx = engineFx(); // loading a context also refreshes the process's FX table
      key = rawQuoteKey(keyParts(context, fx), request);
      const hit = quotes && cachedQuote(quotes, key, nowMs); // a concurrent request may have answered it meanwhile
      if (hit) return hit;
    }
    const mappings = await mappingsForLines(shop, input.items.map(lineKey), nowMs, { load: caches });
    return quoteMapped(shop, input, mappings, context, fx, at, caches && quotes ? { quotes, key: key as string } : null);
  } catch (error) {
    console.error(`[carrier-service] shop=${shop} failed: ${failureDetail(error)}`);
    return internalFailure();
  }
}

/**
 * `answerAuthenticated` for a verified, signed request whose quote key just missed the cache, computed in this tick
 * when the shop's context and every line's mapping are in memory; undefined when something must be awaited (or
 * read from the database) first, and the caller then takes `answerFully`. The same answer either way.
 */
function answerInMemory(request: CarrierServiceRequest, key: string, at: Date): RateAnswer | undefined {
  const { shop } = request;
  const nowMs = at.getTime();
  const context = loadedShopRateContext(shop, nowMs);
  if (!context) return undefined;
  const json = parseJsonBody(request.rawBody.toString("utf8"));
  try {
    // A plainly valid cart goes from the JSON to the engine's request in one pass (callback-request.ts).
    const cart = callbackCart(json);
    if (cart) {
      const mappings = mappingsInMemory(shop, cart.keys, nowMs);
      if (!mappings) return undefined;
      const checked = withSuppliers(cart, mappings, context.defaultBox);
      if (checked) return quoteChecked(shop, checked, context, engineFx(), at, { quotes: quotesFor(shop, nowMs), key });
    }
  } catch (error) {
    console.error(`[carrier-service] shop=${shop} failed: ${failureDetail(error)}`);
    return internalFailure();
  }
  const parsed = acceptRateRequestPayload(json);
  if (!parsed.ok) return badRequest(parsed.message);
  try {
    const input = fromCarrierServicePayload(parsed.payload);
    if (input.items.length === 0) return ratesAnswer([]);
    const mappings = mappingsInMemory(shop, input.items.map(lineKey), nowMs);
    if (!mappings) return undefined;
    return quoteMapped(shop, input, mappings, context, engineFx(), at, { quotes: quotesFor(shop, nowMs), key });
  } catch (error) {
    console.error(`[carrier-service] shop=${shop} failed: ${failureDetail(error)}`);
    return internalFailure();
  }
}

/** Quotes a cart whose lines are joined with their mappings, and keeps the answer under `store.key` when given and
 *  that body was computed before this minute (quote-cache.ts: most bodies arrive once, and are not kept). */
function quoteMapped(
  shop: string, input: RateRequestInput, mappings: readonly (MappingFields | null)[], context: ShopRateContext, fx: FxTable, at: Date,
  store: { quotes: ShopQuotes; key: string } | null,
): RateAnswer {
  const checked = enrichedRequest(input, mappings, context.defaultBox);
  if (checked) return quoteChecked(shop, checked, context, fx, at, store);
  const rateContext = { engine: context.engine, merchantRules: context.merchantRules, fx, now: at };
  return answerOf(shop, quoteRates(enrichItems(input, mappings, context.defaultBox), rateContext), at, store);
}

/** `quoteMapped` for a request the engine's check already returned. */
function quoteChecked(shop: string, request: RateRequest, context: ShopRateContext, fx: FxTable, at: Date, store: { quotes: ShopQuotes; key: string } | null): RateAnswer {
  return answerOf(shop, quoteValidRequest(request, { engine: context.engine, merchantRules: context.merchantRules, fx, now: at }), at, store);
}

function answerOf(shop: string, result: QuoteResult, at: Date, store: { quotes: ShopQuotes; key: string } | null): RateAnswer {
  const whole = result.exclusions.find((e) => e.serviceCode === null);
  if (whole) console.warn(`[carrier-service] shop=${shop} no rates: ${whole.reason}`);
  const answer = ratesAnswer(toCarrierServiceResponse(result.quotes).rates);
  if (store && seenBefore(store.key, at.getTime())) storeQuote(store.quotes, store.key, answer, at.getTime());
  return answer;
}

/** The warm-up's quote (warm-up.server.ts): a callback's body parsed, joined with these mappings and quoted as
 *  `answerInMemory` does, with nothing stored or counted. */
export function quoteForWarmUp(body: string, mappings: readonly (MappingFields | null)[], context: ShopRateContext, at: Date): RateAnswer {
  const json = parseJsonBody(body);
  const cart = callbackCart(json);
  const checked = cart && withSuppliers(cart, mappings, context.defaultBox);
  if (checked) return quoteChecked("warm-up", checked, context, engineFx(), at, null);
  const parsed = acceptRateRequestPayload(json);
  if (!parsed.ok) return badRequest(parsed.message);
  return quoteMapped("warm-up", fromCarrierServicePayload(parsed.payload), mappings, context, engineFx(), at, null);
}

/** The Fetch API transport (the Remix route, tests): same checks, same answers. */
export async function answerRateRequest(request: Request, now: () => Date = () => new Date()): Promise<Response> {
  if (request.method !== "POST") return toResponse(methodNotAllowed());
  const body = await readBoundedBody(request);
  if (!Buffer.isBuffer(body)) return toResponse(body);
  const headers = request.headers;
  return toResponse(await answerRawRateRequest({ body, shopHeader: headers.get("x-shopify-shop-domain"), hmacHeader: headers.get("x-shopify-hmac-sha256") }, now));
}
