// When to ask a supplier about a shipment again. Pure. A parcel waiting for its first tracking number is what
// the buyer waits for, so it is asked often; one already handed to a carrier only adds timeline scans, which
// carriers publish a few times a day, so it is asked less often. Delivered and cancelled orders are never asked.
import type { SupplierOrderState } from "../state-machine";

export interface TrackingCadence {
  /** placed: the supplier has not shipped yet. */
  awaitingTrackingMs: number;
  /** shipped / exception: the carrier has the parcel. */
  inTransitMs: number;
  /** How long one job holds a row it is syncing (a lease, like a job's): longer than any one sync takes. */
  leaseMs: number;
}

export const DEFAULT_TRACKING_CADENCE: TrackingCadence = { awaitingTrackingMs: 15 * 60_000, inTransitMs: 2 * 3_600_000, leaseMs: 10 * 60_000 };

/** The next time the row is due for a tracking poll, or null when it needs none. */
export function nextTrackingPollAt(state: string, now: Date, cadence: TrackingCadence = DEFAULT_TRACKING_CADENCE): Date | null {
  const s = state as SupplierOrderState;
  if (s === "placed") return new Date(now.getTime() + cadence.awaitingTrackingMs);
  if (s === "shipped" || s === "exception") return new Date(now.getTime() + cadence.inTransitMs);
  return null;
}
