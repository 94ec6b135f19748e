import type { TrackingEvent, TrackingStatus } from "./supplier-order-models";
import { mapTrackingStatus, trackingStatusOf } from "./tracking-event-status";

// Every taxonomy goes through the one table in tracking-event-status.ts; these keep the adapters' older entry points.
export { mapTrackingStatus, toFulfillmentEventStatus, trackingStatusOf, type FulfillmentEventStatus, type TrackingTaxonomy } from "./tracking-event-status";

/** Classifies a carrier's free-text scan (JD `orderTrack.content`, CJ `trackingStatus` text) into our 7 statuses. */
export function classifyTrackingText(text: string): TrackingStatus | null {
  const mapped = mapTrackingStatus("text", text);
  return mapped ? trackingStatusOf(mapped) : null;
}

/** Maps 17TRACK-style main/sub statuses, which CJ and aggregators often pass through. */
export function fromSeventeenTrack(main: string, sub?: string): TrackingStatus | null {
  const mapped = mapTrackingStatus("17track", sub ?? main) ?? mapTrackingStatus("17track", main);
  return mapped ? trackingStatusOf(mapped) : null;
}

/** Latest status, with delivered sticky so late scans never move a parcel backwards. */
export function latestStatus(events: readonly TrackingEvent[]): TrackingStatus | null {
  if (events.some((e) => e.status === "delivered")) return "delivered";
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return sorted.at(-1)?.status ?? null;
}
