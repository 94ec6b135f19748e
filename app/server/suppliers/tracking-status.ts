import type { TrackingEvent, TrackingStatus } from "./supplier-order-models";

// Order matters: the first rule that matches wins, so specific outcomes come before generic transit words.
const RULES: readonly (readonly [TrackingStatus, RegExp])[] = [
  ["returning", /return(ing|ed)? to sender|being returned|退回|退件|返回发件人/i],
  ["delivered", /\bdelivered\b|signed (for|by)|已签收|妥投|签收/i],
  ["exception", /exception|failed|failure|lost|damaged|refused|held|undeliverable|异常|失败|拒收|丢失|破损|扣留/i],
  ["out_for_delivery", /out for delivery|with (the )?courier for delivery|派送中|派件|正在派送|投递中|开始配送|配送员/i],
  ["customs_clearance", /customs|clearance|清关|海关/i],
  ["info_received", /info(rmation)? received|label created|pre-?advice|electronic (notification|information)|已下单|已接单|提交了订单|等待系统确认|揽收信息|电子信息/i],
  ["in_transit", /transit|depart|arriv|accepted|picked up|dispatch|shipped|hub|sorting|flight|运输|发往|到达|离开|揽收|出库|分拣|航班|已发货/i],
];

/** Classifies a carrier's free-text scan (JD `orderTrack.content`, CJ routes) into our 7 statuses. */
export function classifyTrackingText(text: string): TrackingStatus | null {
  for (const [status, pattern] of RULES) if (pattern.test(text)) return status;
  return null;
}

/** Maps 17TRACK-style main/sub statuses, which CJ and aggregators often pass through. */
export function fromSeventeenTrack(main: string, sub?: string): TrackingStatus | null {
  if (sub === "Exception_Returning" || sub === "Exception_Returned") return "returning";
  if (sub?.startsWith("InTransit_Customs")) return "customs_clearance";
  switch (main) {
    case "InfoReceived": return "info_received";
    case "InTransit": return "in_transit";
    case "OutForDelivery":
    case "AvailableForPickup": return "out_for_delivery";
    case "Delivered": return "delivered";
    case "DeliveryFailure":
    case "Exception":
    case "Expired": return "exception";
    default: return null;
  }
}

/** Latest status, with delivered sticky so late scans never move a parcel backwards. */
export function latestStatus(events: readonly TrackingEvent[]): TrackingStatus | null {
  if (events.some((e) => e.status === "delivered")) return "delivered";
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return sorted.at(-1)?.status ?? null;
}
