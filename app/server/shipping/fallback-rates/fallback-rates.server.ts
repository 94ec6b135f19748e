/**
 * Turns the silkroute-fallback-rates delivery customization on, off, or re-configures it. The customization is
 * found by its function id every time rather than remembered, so a double click, a retry after a timeout, or a
 * customization the merchant already has all end with exactly one.
 */
import type { AdminClient } from "../../shopify/admin-client";
import { AdminApiError, AdminUserErrors } from "../../shopify/admin-errors";
import { listRateCards } from "../rate-cards.server";
import { FALLBACK_RATES_CREATE, FALLBACK_RATES_LOOKUP, FALLBACK_RATES_UPDATE } from "./documents";
import { parseFallbackTitles } from "./titles";
import { message, type Message } from "../../../i18n/message";

export const FALLBACK_FUNCTION_HANDLE = "silkroute-fallback-rates";
// i18n-ignore: written to Shopify, read by every staff member of the shop (ADR 1900: Shopify-side text stays English)
export const CUSTOMIZATION_TITLE = "Silkroute: hide backup rates when Silkroute quotes";
export const METAFIELD = { namespace: "$app:silkroute", key: "fallback-rates", type: "json" } as const;

export interface FallbackConfiguration { fallbackTitles: string[]; silkrouteCodes: string[] }

export type FallbackRatesState = "on" | "off" | "not-deployed" | "unavailable";
export interface FallbackRatesStatus { state: FallbackRatesState; customizationId: string | null; fallbackTitles: string[]; message: Message | null }

export type FallbackRatesResult =
  | { ok: true; status: FallbackRatesStatus }
  | { ok: false; errors: { fallbackTitles?: Message; form?: Message } };

const NOT_DEPLOYED = message("messages:fallback.notDeployed");

async function lookup(admin: AdminClient) {
  const data = await admin.request(FALLBACK_RATES_LOOKUP);
  const fn = data.shopifyFunctions.nodes.find((f) => f.handle === FALLBACK_FUNCTION_HANDLE) ?? null;
  const customization = fn ? data.deliveryCustomizations.nodes.find((c) => c.functionId === fn.id) ?? null : null;
  return { functionId: fn?.id ?? null, customization };
}

function titlesOf(jsonValue: unknown): string[] {
  const titles = (jsonValue as { fallbackTitles?: unknown } | null)?.fallbackTitles;
  return Array.isArray(titles) ? titles.filter((t): t is string => typeof t === "string") : [];
}

export async function fallbackRatesStatus(_shop: string, admin: AdminClient): Promise<FallbackRatesStatus> {
  try {
    const { functionId, customization } = await lookup(admin);
    if (!functionId) return { state: "not-deployed", customizationId: null, fallbackTitles: [], message: NOT_DEPLOYED };
    if (!customization) return { state: "off", customizationId: null, fallbackTitles: [], message: null };
    return { state: customization.enabled ? "on" : "off", customizationId: customization.id, fallbackTitles: titlesOf(customization.metafield?.jsonValue), message: null };
  } catch (error) {
    // The settings page must still load when Shopify cannot be reached; the card says so instead.
    if (!(error instanceof AdminApiError)) throw error;
    return { state: "unavailable", customizationId: null, fallbackTitles: [], message: message("messages:fallback.unreadable") };
  }
}

// One change at a time per shop in this process, so two quick submits cannot both see "none yet" and create two.
const inFlight = new Map<string, Promise<unknown>>();
function oneAtATime<T>(shop: string, task: () => Promise<T>): Promise<T> {
  const previous = inFlight.get(shop) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  inFlight.set(shop, next);
  void next.finally(() => { if (inFlight.get(shop) === next) inFlight.delete(shop); }).catch(() => undefined);
  return next;
}

function refused(error: unknown): FallbackRatesResult {
  if (!(error instanceof AdminUserErrors)) throw error;
  return { ok: false, errors: { form: message("messages:fallback.shopifyRefused", { detail: error.userErrors.map((e) => e.message).join(" ") }) } };
}

/** Creates the customization once, or updates it, with the titles typed in the form and the shop's rate-card codes. */
export async function enableFallbackRates(shop: string, admin: AdminClient, form: { fallbackTitles: string }): Promise<FallbackRatesResult> {
  const parsed = parseFallbackTitles(form.fallbackTitles);
  if (!parsed.ok) return { ok: false, errors: { fallbackTitles: parsed.error } };
  const silkrouteCodes = (await listRateCards(shop)).map((c) => c.code);
  const config: FallbackConfiguration = { fallbackTitles: parsed.titles, silkrouteCodes };
  return oneAtATime(shop, async () => {
    const { functionId, customization } = await lookup(admin);
    if (!functionId) return { ok: false, errors: { form: NOT_DEPLOYED } };
    const metafields = [{ ...METAFIELD, value: JSON.stringify(config) }];
    try {
      const id = customization
        ? (await admin.request(FALLBACK_RATES_UPDATE, { id: customization.id, input: { enabled: true, metafields } })).deliveryCustomizationUpdate?.deliveryCustomization?.id
        : (await admin.request(FALLBACK_RATES_CREATE, { input: { functionId, title: CUSTOMIZATION_TITLE, enabled: true, metafields } })).deliveryCustomizationCreate?.deliveryCustomization?.id;
      return { ok: true, status: { state: "on", customizationId: id ?? customization?.id ?? null, fallbackTitles: parsed.titles, message: null } };
    } catch (error) {
      return refused(error);
    }
  });
}

/** Disables rather than deletes, so turning it back on keeps the merchant's titles. */
export async function disableFallbackRates(shop: string, admin: AdminClient): Promise<FallbackRatesResult> {
  return oneAtATime(shop, async () => {
    const { customization } = await lookup(admin);
    if (!customization) return { ok: true, status: { state: "off", customizationId: null, fallbackTitles: [], message: null } };
    try {
      if (customization.enabled) await admin.request(FALLBACK_RATES_UPDATE, { id: customization.id, input: { enabled: false } });
      return { ok: true, status: { state: "off", customizationId: customization.id, fallbackTitles: titlesOf(customization.metafield?.jsonValue), message: null } };
    } catch (error) {
      return refused(error);
    }
  });
}
