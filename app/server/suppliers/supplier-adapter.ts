/**
 * The one interface every supplier (sandbox, JD VOP, CJ) implements.
 *
 * Rules every adapter keeps:
 * - Expected failures (auth, rate limits, out of stock, timeouts, "already shipped") come back as
 *   `SupplierResult` values with a merchant-readable message and a `retryable` flag; only bugs throw.
 * - Optional features are declared in `descriptor.capabilities` and exposed as optional members;
 *   a caller checks the capability, never catches a "not supported" exception.
 * - Every order-creating call is keyed by OUR idempotency key, and adapters look the key up before
 *   (re)creating, so a retry after a lost response never places a second order.
 * - Money is `Money` in the supplier's own currency (CNY for sandbox and JD, USD for CJ); FX happens elsewhere.
 */
import type {
  CatalogPage,
  CatalogQuery,
  StockQuery,
  SupplierCode,
  SupplierProduct,
  VariantAvailability,
} from "./supplier-models";
import type {
  CancelOutcome,
  FreightQuote,
  FreightQuoteRequest,
  SupplierOrder,
  SupplierOrderRequest,
  SupplierTracking,
} from "./supplier-order-models";
import type { SupplierResult } from "./supplier-result";

export type * from "./supplier-models";
export type * from "./supplier-order-models";
export type { SupplierError, SupplierErrorKind, SupplierResult } from "./supplier-result";

export type SupplierCapability =
  | "catalog.keyword" // free-text search (EN and/or ZH)
  | "catalog.category"
  | "catalog.price-range"
  | "catalog.ships-from"
  | "catalog.in-stock-only"
  | "catalog.sort"
  | "product.detail"
  | "stock.by-warehouse"
  | "stock.by-area"
  | "order.create"
  | "order.query"
  | "order.cancel"
  | "order.two-phase" // reserve → confirm, see `TwoPhaseOrdering`
  | "freight.quote"
  | "tracking";

export interface CredentialField {
  readonly key: string;
  readonly label: string;
  /** Secret fields are stored encrypted and never echoed back to the UI. */
  readonly secret: boolean;
  readonly required: boolean;
  readonly help?: string;
}

export interface SupplierDescriptor {
  readonly code: SupplierCode;
  readonly label: string;
  readonly capabilities: readonly SupplierCapability[];
  readonly credentialFields: readonly CredentialField[];
  /** The currency `SupplierVariant.cost` comes in. */
  readonly costCurrency: "CNY" | "USD";
}

/**
 * Reserve first, confirm later: stock is held while our pre-flight checks (margin, address, fraud) run.
 * Present only when the descriptor declares "order.two-phase".
 */
export interface TwoPhaseOrdering {
  /** Holds stock under our key; the order comes back with status "reserved". Idempotent by key. */
  reserveOrder(request: SupplierOrderRequest): Promise<SupplierResult<SupplierOrder>>;
  /** Turns a reservation into a real order. Confirming an already-confirmed order is a success. */
  confirmOrder(idempotencyKey: string): Promise<SupplierResult<SupplierOrder>>;
}

export interface FreightQuoting {
  quoteFreight(request: FreightQuoteRequest): Promise<SupplierResult<readonly FreightQuote[]>>;
}

/**
 * @example
 * const adapter = createSupplierAdapter({ supplier: "sandbox", credentials: {}, baseUrl });
 * const page = await adapter.searchCatalog({ keyword: "power bank 充电宝", inStockOnly: true });
 * if (!page.ok) return showBanner(page.error.message);
 * const placed = await adapter.createOrder({ idempotencyKey: supplierOrder.id, lines, shipTo });
 * if (adapter.twoPhase) await adapter.twoPhase.confirmOrder(supplierOrder.id);
 */
export interface SupplierAdapter {
  readonly descriptor: SupplierDescriptor;

  /** Pages through the catalog; unsupported filters fail with kind "unsupported", never silently drop. */
  searchCatalog(query: CatalogQuery): Promise<SupplierResult<CatalogPage>>;

  /** Full detail: variants with options, images, weight/dimensions, HS code, origin, hazard flags, CNY cost. */
  getProduct(supplierProductId: string): Promise<SupplierResult<SupplierProduct>>;

  /** Current cost and stock per variant at one warehouse or delivery area. */
  getAvailability(query: StockQuery): Promise<SupplierResult<readonly VariantAvailability[]>>;

  /** Places a confirmed order. Calling twice with the same key returns the first order. */
  createOrder(request: SupplierOrderRequest): Promise<SupplierResult<SupplierOrder>>;

  /** Looks an order up by OUR key; `null` when the supplier has none (safe to create). */
  findOrder(idempotencyKey: string): Promise<SupplierResult<SupplierOrder | null>>;

  /** Cancels before shipment; a shipped order is the outcome "refused_already_shipped", not an error. */
  cancelOrder(idempotencyKey: string): Promise<SupplierResult<CancelOutcome>>;

  /** Tracking numbers, carrier and normalised events; no parcels before the order ships. */
  getTracking(idempotencyKey: string): Promise<SupplierResult<SupplierTracking>>;

  readonly twoPhase?: TwoPhaseOrdering;
  readonly freight?: FreightQuoting;
}

export function hasCapability(adapter: SupplierAdapter, capability: SupplierCapability): boolean {
  return adapter.descriptor.capabilities.includes(capability);
}
