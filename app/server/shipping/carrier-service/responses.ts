/**
 * The callback's HTTP outcomes, decided in one place (code-anchors principle 9). Answers are plain data so
 * that the Remix route (Fetch API) and the production server's node:http fast path send the same bytes.
 */
import type { CarrierServiceRate } from "../engine";

export interface RateAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };
const TEXT_HEADERS = { "Content-Type": "text/plain" };

/** 200 with rates; an empty list means "this carrier cannot ship this" and Shopify shows its other rates. */
export const ratesAnswer = (rates: readonly CarrierServiceRate[]): RateAnswer => ({ status: 200, headers: JSON_HEADERS, body: JSON.stringify({ rates }) });

export const badRequest = (message: string): RateAnswer => ({ status: 400, headers: JSON_HEADERS, body: JSON.stringify({ error: message }) });

/** Authentication and size refusals, as plain text (the shape authenticate.* uses in shopify-app-remix). */
export const refusal = (status: 400 | 401 | 413, message: string): RateAnswer => ({ status, headers: TEXT_HEADERS, body: message });

export const methodNotAllowed = (): RateAnswer => ({ status: 405, headers: { Allow: "POST" }, body: "" });

/** Only for a total internal failure: any 5xx makes Shopify fall back to the merchant's backup rates. */
export const internalFailure = (): RateAnswer => ({ status: 503, headers: JSON_HEADERS, body: JSON.stringify({ error: "rates are temporarily unavailable" }) });

export const toResponse = (answer: RateAnswer): Response =>
  new Response(answer.body === "" ? null : answer.body, { status: answer.status, headers: answer.headers });
