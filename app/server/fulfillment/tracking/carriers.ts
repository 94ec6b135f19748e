// Carrier names Shopify recognises (exact spelling makes Shopify build the tracking link), tracking-number
// validation, and our tracking taxonomy → Shopify FulfillmentEventStatus. Pure.
import { isValidS10 } from "../../suppliers/tracking-number";
import type { TrackingStatus } from "../../suppliers/supplier-order-models";
import { mapTrackingStatus, trackingStatusOf, type FulfillmentEventStatus } from "../../suppliers/tracking-event-status";
import type { EventStatus } from "../shopify/fulfillment-api.server";

const SHOPIFY_CARRIERS: readonly [RegExp, string][] = [
  [/^(china[- ]?post|chinapost|cpam|china post)/i, "China Post"],
  [/^ems\b|china ems/i, "China EMS (ePacket)"],
  [/^4px/i, "4PX"],
  [/^yun ?express|^yunexpress/i, "YunExpress"],
  [/^dhl[- ]?(express)?/i, "DHL Express"],
  [/^sf[- ]?express|^sf\b|顺丰/i, "SF Express"],
  [/^sfc/i, "SFC Fulfillment"],
  [/^anjun/i, "Anjun Logistics"],
  [/^ups\b/i, "UPS"],
  [/^usps\b/i, "USPS"],
  [/^fedex/i, "FedEx"],
  [/^royal mail/i, "Royal Mail"],
  [/^deutsche post|^dhl paket/i, "Deutsche Post"],
];

export interface CarrierInfo {
  company: string;
  /** Only for carriers Shopify does not know: a link it can show the buyer. */
  url?: string;
}

export function carrierFor(name: string, code: string | undefined, trackingNumber: string): CarrierInfo {
  for (const candidate of [code ?? "", name]) {
    const hit = SHOPIFY_CARRIERS.find(([pattern]) => pattern.test(candidate.trim()));
    if (hit) return { company: hit[1] };
  }
  return { company: name.trim() || "Other", url: `https://t.17track.net/en#nums=${encodeURIComponent(trackingNumber)}` };
}

/** The supplier order flag for a number passed on with a doubt (see validateTrackingNumber). */
export const TRACKING_NUMBER_FLAG = "TRACKING_NUMBER_UNVERIFIED";

/**
 * A page where the merchant can look the number up: the link we give Shopify for carriers it does not know, else
 * 17TRACK's page, which finds the issuing post from the S10 country suffix. (Shopify builds its own links for the
 * carriers it knows by name.)
 */
export function trackingPageFor(name: string, code: string | undefined, trackingNumber: string): string {
  return carrierFor(name, code, trackingNumber).url ?? `https://t.17track.net/en#nums=${encodeURIComponent(trackingNumber)}`;
}

/**
 * Why a number is doubted or refused, as a code: the reader's sentence is the catalog's (`order:tracking.*.<code>`
 * for the order timeline and forms), never English carried in a `{detail}`.
 */
export type TrackingNumberCheck =
  | { ok: true; number: string; warning?: "s10CheckDigit" }
  | { ok: false; reason: "shape" };

/**
 * A number we can give Shopify. An S10 shape whose UPU check digit does not match is still passed on, with a
 * warning: the check is advisory and carriers do issue such numbers (UPU S10; reference §B.4), so dropping it
 * would hide a real parcel. Anything that is not 8–40 letters and digits is refused.
 */
export function validateTrackingNumber(raw: string): TrackingNumberCheck {
  const number = raw.replace(/\s+/g, "").toUpperCase();
  if (/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(number) && !isValidS10(number)) {
    return { ok: true, number, warning: "s10CheckDigit" };
  }
  if (!/^[A-Z0-9-]{8,40}$/.test(number)) return { ok: false, reason: "shape" };
  return { ok: true, number };
}

/** What Shopify gets when the scan itself says nothing more precise than our status. */
const DEFAULT_EVENT: Record<TrackingStatus, FulfillmentEventStatus> = {
  info_received: "LABEL_PURCHASED", in_transit: "IN_TRANSIT", customs_clearance: "IN_TRANSIT",
  out_for_delivery: "OUT_FOR_DELIVERY", delivered: "DELIVERED", exception: "FAILURE", returning: "FAILURE",
};

/**
 * Our scan → Shopify's FulfillmentEventStatus through the one table (tracking-event-status.ts): the adapter's own
 * mapping when it made one, else the scan text when it agrees with our status (a pickup scan is
 * CARRIER_PICKED_UP, a parcel at a pickup point READY_FOR_PICKUP, a failed attempt ATTEMPTED_DELIVERY), else the
 * status's default. Customs milestones ride on IN_TRANSIT as messages (Shopify has no customs status); returns
 * become FAILURE with a message, since the Admin enum has no "returning".
 */
export function shopifyEventFor(status: TrackingStatus, description: string, eventStatus?: FulfillmentEventStatus): { status: EventStatus; message: string } {
  const fromText = mapTrackingStatus("text", description);
  const shopify = eventStatus ?? (fromText && trackingStatusOf(fromText) === status ? fromText.status : DEFAULT_EVENT[status]);
  if (status === "customs_clearance") return { status: shopify, message: `Customs: ${description}` };
  if (status === "returning") return { status: shopify, message: `Returning to sender: ${description}` };
  if (shopify === "FAILURE") return { status: shopify, message: `Carrier exception: ${description}` };
  return { status: shopify, message: description };
}
