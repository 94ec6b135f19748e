import { isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "../shopify/admin-schema";
import { FULFILLMENT_EVENT_STATUSES, mapTrackingStatus, toFulfillmentEventStatus, trackingStatusOf, type TrackingTaxonomy } from "./tracking-event-status";

describe("one table from every tracking taxonomy to Shopify's FulfillmentEventStatus", () => {
  it("speaks exactly the 2026-10 FulfillmentEventStatus set", () => {
    const schemaEnum = adminSchema().getType("FulfillmentEventStatus");
    expect(isEnumType(schemaEnum)).toBe(true);
    expect([...FULFILLMENT_EVENT_STATUSES].sort()).toEqual(schemaEnum && isEnumType(schemaEnum) ? schemaEnum.getValues().map((v) => v.name).sort() : []);
  });

  it.each<[TrackingTaxonomy, string | number, string | null]>([
    ["17track", "InTransit_PickedUp", "CARRIER_PICKED_UP"],
    ["17track", "AvailableForPickup_Other", "READY_FOR_PICKUP"],
    ["17track", "DeliveryFailure_NoBody", "ATTEMPTED_DELIVERY"],
    ["17track", "DeliveryFailure_SomethingNew", "ATTEMPTED_DELIVERY"],
    ["17track", "Exception_Delayed", "DELAYED"],
    ["17track", "InTransit_CustomsRequiringInformation", "DELAYED"],
    ["17track", "Exception_Lost", "FAILURE"],
    ["17track", "InfoReceived", "LABEL_PURCHASED"],
    ["17track", "Delivered_Other", "DELIVERED"],
    ["17track", "NotFound_Other", null],
    ["aftership", "AvailableForPickup", "READY_FOR_PICKUP"],
    ["aftership", "AttemptFail", "ATTEMPTED_DELIVERY"],
    ["aftership", "Exception_004", "DELAYED"],
    ["aftership", "OutForDelivery_003", "OUT_FOR_DELIVERY"],
    ["aftership", "Pending", null],
    ["cj", 2, "CARRIER_PICKED_UP"],
    ["cj", 11, "READY_FOR_PICKUP"],
    ["cj", 12, "DELIVERED"],
    ["cj", "0", null],
    ["sandbox", "READY_FOR_PICKUP", "READY_FOR_PICKUP"],
    ["sandbox", "LABEL_PRINTED", "LABEL_PRINTED"],
    ["jd", "您的订单已由本人签收", "DELIVERED"],
    ["jd", "快件已到达自提点，请凭取件码取件 待自提", "READY_FOR_PICKUP"],
    ["jd", "快递员已揽收", "CARRIER_PICKED_UP"],
    ["text", "Available for pickup at the post office", "READY_FOR_PICKUP"],
    ["text", "Delivery attempted - no one home", "ATTEMPTED_DELIVERY"],
    ["text", "Picked up by carrier", "CARRIER_PICKED_UP"],
    ["text", "Out for delivery", "OUT_FOR_DELIVERY"],
    ["text", "Departed from facility", "IN_TRANSIT"],
    ["text", "Shipping label printed", "LABEL_PRINTED"],
  ])("%s %s → %s", (taxonomy, raw, expected) => {
    expect(toFulfillmentEventStatus(taxonomy, raw)).toBe(expected);
  });

  it("reaches every Shopify status except CONFIRMED, which Shopify sets by itself", () => {
    const raws: Array<[TrackingTaxonomy, string]> = [
      ["sandbox", "INFO_RECEIVED"], ["sandbox", "LABEL_PRINTED"], ["sandbox", "PICKED_UP"], ["sandbox", "IN_TRANSIT"], ["sandbox", "DELAYED"],
      ["sandbox", "OUT_FOR_DELIVERY"], ["sandbox", "READY_FOR_PICKUP"], ["sandbox", "ATTEMPTED_DELIVERY"], ["sandbox", "DELIVERED"], ["sandbox", "EXCEPTION"],
    ];
    const reached = new Set(raws.map(([t, r]) => toFulfillmentEventStatus(t, r)));
    expect(FULFILLMENT_EVENT_STATUSES.filter((s) => !reached.has(s))).toEqual(["CONFIRMED"]);
  });

  it("keeps returns and customs apart for our own order status", () => {
    expect(trackingStatusOf(mapTrackingStatus("17track", "Exception_Returning")!)).toBe("returning");
    expect(trackingStatusOf(mapTrackingStatus("cj", 7)!)).toBe("customs_clearance");
    expect(trackingStatusOf(mapTrackingStatus("text", "Ready for pickup")!)).toBe("out_for_delivery");
    expect(trackingStatusOf(mapTrackingStatus("text", "Return to sender")!)).toBe("returning");
  });
});
