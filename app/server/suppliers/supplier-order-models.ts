import type { Money } from "../money";
import type { StockLocation, WarehouseCode } from "./supplier-models";
import type { FulfillmentEventStatus } from "./tracking-event-status";

/** Kept out of logs: everything here except countryCode is PII. */
export interface ShippingAddress {
  readonly name: string;
  readonly phone: string;
  readonly email?: string;
  readonly address1: string;
  readonly address2?: string;
  readonly city: string;
  readonly province?: string;
  readonly zip?: string;
  /** ISO 3166 alpha-2. */
  readonly countryCode: string;
  readonly taxId?: string;
  /** Supplier-specific area ids, e.g. JD "province_city_county[_town]". */
  readonly supplierAreaId?: string;
}

export interface SupplierOrderLine {
  readonly supplierVariantId: string;
  readonly quantity: number;
  /** The cost we priced with; suppliers that can will refuse the order if it changed. */
  readonly expectedUnitCost?: Money;
}

export interface SupplierOrderRequest {
  /** OUR key (e.g. the supplier-order row id). The same key never creates a second order. */
  readonly idempotencyKey: string;
  readonly lines: readonly SupplierOrderLine[];
  readonly shipTo: ShippingAddress;
  readonly fromWarehouse?: WarehouseCode;
  /** A service name from the supplier's own freight quote. */
  readonly shippingMethod?: string;
}

export type SupplierOrderStatus =
  | "reserved" // two-phase: stock held, not yet confirmed
  | "accepted"
  | "processing"
  | "shipped"
  | "delivered"
  | "cancelled"
  | "unknown";

export interface SupplierOrder {
  readonly idempotencyKey: string;
  readonly supplierOrderId: string;
  readonly status: SupplierOrderStatus;
  readonly total: Money | null;
  readonly trackingNumbers: readonly string[];
  /** The supplier's own status text, kept for support and audits. */
  readonly supplierStatus?: string;
  /** The shipping method the adapter sent; `requested` = the request's shippingMethod, else the adapter's default. */
  readonly shippingMethod?: { readonly name: string; readonly requested: boolean };
}

export type CancelOutcome =
  | { readonly outcome: "cancelled" }
  | { readonly outcome: "already_cancelled" }
  | { readonly outcome: "refused_already_shipped"; readonly message: string };

export type TrackingStatus =
  | "info_received"
  | "in_transit"
  | "customs_clearance"
  | "out_for_delivery"
  | "delivered"
  | "exception"
  | "returning";

export interface TrackingEvent {
  /** ISO 8601. */
  readonly at: string;
  readonly status: TrackingStatus;
  readonly description: string;
  readonly location?: string;
  /** Shopify's FulfillmentEventStatus when the adapter mapped it through tracking-event-status.ts; else it is
   *  derived from `status` and `description` when posted. */
  readonly eventStatus?: FulfillmentEventStatus;
}

export interface Parcel {
  readonly trackingNumber: string;
  readonly carrier: { readonly name: string; readonly code?: string };
  /** Latest normalised status; null before the first event. */
  readonly status: TrackingStatus | null;
  /** Oldest first. */
  readonly events: readonly TrackingEvent[];
}

export interface SupplierTracking {
  readonly idempotencyKey: string;
  readonly parcels: readonly Parcel[];
}

export interface FreightQuoteRequest {
  readonly lines: readonly { readonly supplierVariantId: string; readonly quantity: number }[];
  readonly from: StockLocation | { readonly kind: "country"; readonly countryCode: string };
  readonly toCountryCode: string;
  readonly toZip?: string;
}

export interface FreightQuote {
  readonly serviceName: string;
  readonly price: Money;
  readonly minDays: number | null;
  readonly maxDays: number | null;
}
