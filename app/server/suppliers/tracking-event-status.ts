// The one table from every tracking taxonomy we read to Shopify's 2026-10 FulfillmentEventStatus.
// Sources: 17TRACK main/sub statuses https://help.17track.net/hc/en-us/articles/37471096573337 ; AfterShip tags and
// sub-tags https://www.aftership.com/docs/tracking/2026-07/enum/delivery-sub-statuses ; CJ LOGISTIC webhook
// trackingStatus 0–14 https://developers.cjdropshipping.cn/en/api/start/webhook.html ; Shopify's enum
// https://shopify.dev/docs/api/admin-graphql/latest/enums/FulfillmentEventStatus (recommended mapping:
// ../shared/reference/supply-and-logistics.md §B.4). Free-text scans (JD orderTrack, CJ trackInfo, sandbox)
// go through ordered patterns; the first that matches wins.
import type { TrackingStatus } from "./supplier-order-models";

export const FULFILLMENT_EVENT_STATUSES = [
  "ATTEMPTED_DELIVERY", "CARRIER_PICKED_UP", "CONFIRMED", "DELAYED", "DELIVERED", "FAILURE",
  "IN_TRANSIT", "LABEL_PRINTED", "LABEL_PURCHASED", "OUT_FOR_DELIVERY", "READY_FOR_PICKUP",
] as const;
export type FulfillmentEventStatus = (typeof FULFILLMENT_EVENT_STATUSES)[number];

/** Who speaks: a status vocabulary ("17track", "aftership", "cj", "sandbox" codes) or free text ("text", "jd"). */
export type TrackingTaxonomy = "17track" | "aftership" | "cj" | "text" | "jd" | "sandbox";

/** One mapped scan. `kind` refines what Shopify cannot say: a FAILURE that is a return, an IN_TRANSIT at customs. */
export interface MappedStatus { status: FulfillmentEventStatus; kind?: "returning" | "customs" }

type Row = MappedStatus | null; // null: the carrier knows nothing yet (no event is posted)

const SEVENTEEN_TRACK: Record<string, Row> = {
  NotFound: null, NotFound_Other: null, NotFound_InvalidCode: null,
  InfoReceived: { status: "LABEL_PURCHASED" },
  InTransit: { status: "IN_TRANSIT" }, InTransit_Other: { status: "IN_TRANSIT" },
  InTransit_PickedUp: { status: "CARRIER_PICKED_UP" },
  InTransit_Departure: { status: "IN_TRANSIT" }, InTransit_Arrival: { status: "IN_TRANSIT" },
  InTransit_CustomsProcessing: { status: "IN_TRANSIT", kind: "customs" }, InTransit_CustomsReleased: { status: "IN_TRANSIT", kind: "customs" },
  InTransit_CustomsRequiringInformation: { status: "DELAYED", kind: "customs" },
  Expired: { status: "DELAYED" }, Expired_Other: { status: "DELAYED" },
  AvailableForPickup: { status: "READY_FOR_PICKUP" }, AvailableForPickup_Other: { status: "READY_FOR_PICKUP" },
  OutForDelivery: { status: "OUT_FOR_DELIVERY" }, OutForDelivery_Other: { status: "OUT_FOR_DELIVERY" },
  DeliveryFailure: { status: "ATTEMPTED_DELIVERY" }, DeliveryFailure_Other: { status: "ATTEMPTED_DELIVERY" },
  DeliveryFailure_NoBody: { status: "ATTEMPTED_DELIVERY" }, DeliveryFailure_Security: { status: "ATTEMPTED_DELIVERY" },
  DeliveryFailure_Rejected: { status: "ATTEMPTED_DELIVERY" }, DeliveryFailure_InvalidAddress: { status: "ATTEMPTED_DELIVERY" },
  Delivered: { status: "DELIVERED" }, Delivered_Other: { status: "DELIVERED" },
  Exception: { status: "FAILURE" }, Exception_Other: { status: "FAILURE" }, Exception_Delayed: { status: "DELAYED" },
  Exception_Returning: { status: "FAILURE", kind: "returning" }, Exception_Returned: { status: "FAILURE", kind: "returning" },
  Exception_NoBody: { status: "FAILURE" }, Exception_Security: { status: "FAILURE" }, Exception_Damage: { status: "FAILURE" },
  Exception_Rejected: { status: "FAILURE", kind: "returning" }, Exception_Lost: { status: "FAILURE" },
  Exception_Destroyed: { status: "FAILURE" }, Exception_Cancel: { status: "FAILURE" },
};

// Tags, plus the sub-tags the reference names (Exception_004 customs delay, Exception_005 external delay,
// InTransit_007 departure scan); other sub-tags fall back to their tag.
const AFTERSHIP: Record<string, Row> = {
  Pending: null, InfoReceived: { status: "LABEL_PURCHASED" },
  InTransit: { status: "IN_TRANSIT" }, InTransit_007: { status: "IN_TRANSIT" },
  OutForDelivery: { status: "OUT_FOR_DELIVERY" }, AttemptFail: { status: "ATTEMPTED_DELIVERY" },
  Delivered: { status: "DELIVERED" }, AvailableForPickup: { status: "READY_FOR_PICKUP" },
  Exception: { status: "FAILURE" }, Exception_004: { status: "DELAYED", kind: "customs" }, Exception_005: { status: "DELAYED" },
  Expired: { status: "DELAYED" },
};

// CJ LOGISTIC webhook trackingStatus codes (0–14) with CJ's own labels.
const CJ: Record<string, Row> = {
  0: null, // No tracking information
  1: { status: "LABEL_PURCHASED" }, // Warehouse outbound
  2: { status: "CARRIER_PICKED_UP" }, // Freight forwarder inbound
  3: { status: "FAILURE", kind: "returning" }, // Freight forwarder return
  4: { status: "IN_TRANSIT" }, // Freight forwarder outbound
  5: { status: "IN_TRANSIT" }, // First leg transportation
  6: { status: "IN_TRANSIT" }, // Arrival at destination country
  7: { status: "IN_TRANSIT", kind: "customs" }, // Starting customs clearance
  8: { status: "IN_TRANSIT", kind: "customs" }, // Customs clearance completed
  9: { status: "IN_TRANSIT" }, // Terminal retrieval
  10: { status: "OUT_FOR_DELIVERY" }, // Delivery
  11: { status: "READY_FOR_PICKUP" }, // Arrival waiting for retrieval
  12: { status: "DELIVERED" }, // Sign for
  13: { status: "FAILURE" }, // Failure/abnormality
  14: { status: "FAILURE", kind: "returning" }, // Return
};

// The sandbox supplier's event codes (app/server/suppliers/sandbox/service): Shopify's set, in its own words.
const SANDBOX: Record<string, Row> = {
  INFO_RECEIVED: { status: "LABEL_PURCHASED" }, LABEL_PRINTED: { status: "LABEL_PRINTED" }, PICKED_UP: { status: "CARRIER_PICKED_UP" },
  IN_TRANSIT: { status: "IN_TRANSIT" }, CUSTOMS: { status: "IN_TRANSIT", kind: "customs" }, DELAYED: { status: "DELAYED" },
  OUT_FOR_DELIVERY: { status: "OUT_FOR_DELIVERY" }, READY_FOR_PICKUP: { status: "READY_FOR_PICKUP" },
  ATTEMPTED_DELIVERY: { status: "ATTEMPTED_DELIVERY" }, DELIVERED: { status: "DELIVERED" },
  EXCEPTION: { status: "FAILURE" }, RETURNING: { status: "FAILURE", kind: "returning" },
};

// Free text (English and Chinese carrier scans). Specific outcomes come before generic transit words.
const TEXT: readonly (readonly [RegExp, MappedStatus])[] = [
  [/return(ing|ed)? to sender|being returned|退回|退件|返回发件人/i, { status: "FAILURE", kind: "returning" }],
  [/attempt(ed)?|no one (was )?(home|available)|addressee (not|absent)|recipient not available|未妥投|投递失败|无人签收|派送不成功/i, { status: "ATTEMPTED_DELIVERY" }],
  [/\bdelivered\b|signed (for|by)|已签收|妥投|签收/i, { status: "DELIVERED" }],
  [/ready for (pick-?up|collection)|available for (pick-?up|collection)|awaiting collection|parcel locker|pick-?up point|待自提|自提|已到达.*(驿站|自提点|快递柜)|快递柜/i, { status: "READY_FOR_PICKUP" }],
  [/delay|postponed|延误|延迟/i, { status: "DELAYED" }],
  [/exception|failed|failure|lost|damaged|refused|held|undeliverable|异常|失败|拒收|丢失|破损|扣留/i, { status: "FAILURE" }],
  [/out for delivery|with (the )?courier for delivery|派送中|派件|正在派送|投递中|开始配送|配送员/i, { status: "OUT_FOR_DELIVERY" }],
  [/customs|clearance|清关|海关/i, { status: "IN_TRANSIT", kind: "customs" }],
  [/picked up|collected by|accepted by (the )?carrier|pick-?up scan|已揽收|揽收成功|揽件|收寄/i, { status: "CARRIER_PICKED_UP" }],
  [/label (was )?printed|打印面单/i, { status: "LABEL_PRINTED" }],
  [/info(rmation)? received|label created|pre-?advice|electronic (notification|information)|已下单|已接单|提交了订单|等待系统确认|揽收信息|电子信息/i, { status: "LABEL_PURCHASED" }],
  [/transit|depart|arriv|accepted|dispatch|shipped|hub|sorting|flight|运输|发往|到达|离开|出库|分拣|航班|已发货/i, { status: "IN_TRANSIT" }],
];

const CODES: Partial<Record<TrackingTaxonomy, Record<string, Row>>> = { "17track": SEVENTEEN_TRACK, aftership: AFTERSHIP, cj: CJ, sandbox: SANDBOX };

/**
 * Maps one raw status of a taxonomy. Code vocabularies try the exact code, then its main part
 * ("DeliveryFailure_Whatever" → "DeliveryFailure"), since carriers add sub-statuses; free text goes through the
 * patterns. Returns null when the status says nothing yet (or is unknown): no event is posted for it.
 */
export function mapTrackingStatus(taxonomy: TrackingTaxonomy, raw: string | number): MappedStatus | null {
  const value = String(raw).trim();
  const codes = CODES[taxonomy];
  if (codes) {
    if (value in codes) return codes[value] ?? null;
    const main = value.split("_")[0]!;
    return main in codes ? codes[main] ?? null : null;
  }
  for (const [pattern, mapped] of TEXT) if (pattern.test(value)) return mapped;
  return null;
}

/** The simple form adapters use: taxonomy + raw status → Shopify's FulfillmentEventStatus (null: no event). */
export function toFulfillmentEventStatus(taxonomy: TrackingTaxonomy, raw: string | number): FulfillmentEventStatus | null {
  return mapTrackingStatus(taxonomy, raw)?.status ?? null;
}

/** Our coarser order-level status (what the supplier order's state machine and the merchant's list need). */
export function trackingStatusOf(mapped: MappedStatus): TrackingStatus {
  if (mapped.kind === "returning") return "returning";
  switch (mapped.status) {
    case "CONFIRMED": case "LABEL_PURCHASED": case "LABEL_PRINTED": return "info_received";
    case "CARRIER_PICKED_UP": case "IN_TRANSIT": return mapped.kind === "customs" ? "customs_clearance" : "in_transit";
    case "OUT_FOR_DELIVERY": case "READY_FOR_PICKUP": case "ATTEMPTED_DELIVERY": return "out_for_delivery";
    case "DELIVERED": return "delivered";
    case "DELAYED": case "FAILURE": return "exception";
  }
}
