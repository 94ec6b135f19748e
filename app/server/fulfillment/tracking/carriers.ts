// Carrier names Shopify recognises (exact spelling makes Shopify build the tracking link), tracking-number
// validation, and our tracking taxonomy → Shopify FulfillmentEventStatus. Pure.
import { isValidS10 } from "../../suppliers/tracking-number";
import type { TrackingStatus } from "../../suppliers/supplier-order-models";
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

export type TrackingNumberCheck = { ok: true; number: string } | { ok: false; reason: string };

/** A number we are willing to show buyers: S10 shapes must pass the UPU check digit; others must look sane. */
export function validateTrackingNumber(raw: string): TrackingNumberCheck {
  const number = raw.replace(/\s+/g, "").toUpperCase();
  if (/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(number)) {
    return isValidS10(number) ? { ok: true, number } : { ok: false, reason: "the UPU S10 check digit does not match" };
  }
  if (!/^[A-Z0-9-]{8,40}$/.test(number)) return { ok: false, reason: "it is not 8–40 letters and digits" };
  return { ok: true, number };
}

/**
 * Customs milestones ride on IN_TRANSIT as messages (Shopify has no customs status); returns become FAILURE
 * with a message, since the Admin enum has no "returning".
 */
export function shopifyEventFor(status: TrackingStatus, description: string): { status: EventStatus; message: string } {
  switch (status) {
    case "info_received": return { status: "LABEL_PURCHASED", message: description };
    case "in_transit": return { status: "IN_TRANSIT", message: description };
    case "customs_clearance": return { status: "IN_TRANSIT", message: `Customs: ${description}` };
    case "out_for_delivery": return { status: "OUT_FOR_DELIVERY", message: description };
    case "delivered": return { status: "DELIVERED", message: description };
    case "returning": return { status: "FAILURE", message: `Returning to sender: ${description}` };
    case "exception": return /delay/i.test(description) ? { status: "DELAYED", message: description } : { status: "FAILURE", message: `Carrier exception: ${description}` };
  }
}
