/** The callback's HTTP outcomes, decided in one place (code-anchors principle 9). */
import type { CarrierServiceRate } from "../engine";

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

/** 200 with rates; an empty list means "this carrier cannot ship this" and Shopify shows its other rates. */
export const ratesResponse = (rates: readonly CarrierServiceRate[]): Response => new Response(JSON.stringify({ rates }), { status: 200, headers: JSON_HEADERS });

export const badRequest = (message: string): Response => new Response(JSON.stringify({ error: message }), { status: 400, headers: JSON_HEADERS });

/** Only for a total internal failure: any 5xx makes Shopify fall back to the merchant's backup rates. */
export const internalFailure = (): Response => new Response(JSON.stringify({ error: "rates are temporarily unavailable" }), { status: 503, headers: JSON_HEADERS });
