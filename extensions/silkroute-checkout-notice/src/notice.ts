/**
 * The duties notice under a Silkroute shipping option at checkout (Plus stores): where it ships from, the transit
 * time Shopify reports for the option, and whether duties are included (DDP) or collected on delivery (DDU). Cross-
 * border only: nothing for a domestic shipment or for another app's or the merchant's own rates. Pure: the
 * Preact entry (index.js) passes the live API and Preact's `h`.
 */
import type { AppMetafieldEntry, CheckoutNoticeApi, H, ShippingOption } from "./api";

/** One service as the app writes it to the shop metafield `$app:silkroute` / `checkout-services`. */
export interface CheckoutService { title: string; origins: string[]; incoterm: "DDP" | "DDU" }

export interface Notice { origin: string; incoterm: "DDP" | "DDU"; transit: { lower: number; upper: number } | null }

export const SERVICES_METAFIELD = { namespace: "$app:silkroute", key: "checkout-services" } as const;

/** The services from the shop metafield; an unreadable value means no notice rather than a wrong one. */
export function servicesFrom(entries: readonly AppMetafieldEntry[]): CheckoutService[] {
  const entry = entries.find((e) => e.target.type === "shop" && e.metafield.key === SERVICES_METAFIELD.key
    && (e.metafield.namespace === SERVICES_METAFIELD.namespace || e.metafield.namespace.startsWith("app--")));
  if (!entry) return [];
  try {
    const parsed = JSON.parse(entry.metafield.value) as { services?: unknown };
    return Array.isArray(parsed.services) ? parsed.services.filter(isService) : [];
  } catch {
    return [];
  }
}

function isService(value: unknown): value is CheckoutService {
  const v = value as CheckoutService;
  return typeof v?.title === "string" && Array.isArray(v.origins) && (v.incoterm === "DDP" || v.incoterm === "DDU");
}

export function checkoutNotice(option: ShippingOption, services: readonly CheckoutService[], destination: string | undefined): Notice | null {
  if (option.type !== "shipping" || !option.title) return null;
  const service = services.find((s) => s.title === option.title);
  if (!service || !service.origins.length) return null;
  // Domestic when the destination is one of the service's origins: no customs, nothing to explain.
  if (!destination || service.origins.includes(destination)) return null;
  const range = option.deliveryEstimate.timeInTransit;
  const transit = range?.lower !== undefined && range.upper !== undefined ? { lower: range.lower, upper: range.upper } : null;
  return { origin: service.origins[0]!, incoterm: service.incoterm, transit };
}

/** Country name in the buyer's language (Intl), the code itself where the runtime has no name. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function noticeView<N>(h: H<N>, api: CheckoutNoticeApi): N | null {
  const destination = api.shippingAddress?.value?.countryCode ?? api.localization.country.value?.isoCode;
  const notice = checkoutNotice(api.target.value, servicesFrom(api.appMetafields.value), destination);
  if (!notice) return null;
  const t = api.i18n.translate;
  const language = api.localization.language.value.isoCode;
  const days = (seconds: number) => Math.round(seconds / 86_400); // timeInTransit is a range in seconds
  const transit = notice.transit
    ? (days(notice.transit.lower) === days(notice.transit.upper)
      ? t("transitExact", { days: days(notice.transit.lower) })
      : t("transit", { lower: days(notice.transit.lower), upper: days(notice.transit.upper) }))
    : null;
  return h("s-stack", { direction: "block", gap: "small-300" },
    h("s-text", { color: "subdued" }, [t("shipsFrom", { country: countryName(notice.origin, language) }), transit].filter(Boolean).join(" ")),
    // Only the selected option gets the full duties sentence; the others keep the list short.
    api.isTargetSelected.value || notice.incoterm === "DDU"
      ? h("s-text", { color: notice.incoterm === "DDU" ? "base" : "subdued" }, t(notice.incoterm === "DDP" ? "ddp" : "ddu"))
      : null,
  );
}
