// The suppliers the contract suite runs against, each through its own emulator over real HTTP. An entry says how to
// start the world and how to provoke each error kind; a kind it cannot provoke is `undefined` with a reason, and the
// suite skips it visibly. Adding JD is one more entry in CONTRACT_SUPPLIERS.
import type { SupplierAdapter } from "../supplier-adapter";
import type { SupplierCode } from "../supplier-models";
import type { ShippingAddress, TrackingEvent } from "../supplier-order-models";
import type { SupplierErrorKind } from "../supplier-result";
import { startCj } from "../cj/cj.fixture";
import { CJ_EMULATOR_ACCOUNTS } from "../cj/emulator/cj-emulator";
import { parseLogisticMessage } from "../cj/mappers";
import { startSandbox } from "../sandbox/sandbox.fixture";

export const CONTRACT_ADDRESS: ShippingAddress = {
  name: "Contract Buyer", phone: "+15125550100", address1: "500 W 2nd St", city: "Austin", province: "Texas", zip: "78701", countryCode: "US",
};

/** Provokes one error kind: returns the failing call's result. */
export type ErrorProbe = (world: ContractWorld) => Promise<{ ok: boolean; error?: { kind: SupplierErrorKind } }>;

export interface ContractWorld {
  readonly adapter: SupplierAdapter;
  /** A variant with stock at `warehouse`, to order from. */
  readonly variant: { readonly vid: string; readonly warehouse: string; readonly productId: string };
  readonly keyword: string;
  readonly orderCount: () => number;
  /** Moves the supplier's clock; the order lifecycle advances with it. */
  readonly advanceDays: (days: number) => Promise<void>;
  readonly close: () => Promise<void>;
}

export interface ContractSupplier {
  readonly code: SupplierCode;
  start(): Promise<ContractWorld>;
  /** Every error kind the suite checks: a probe, or the reason this supplier cannot produce it. */
  readonly errors: Readonly<Record<"not_found" | "out_of_stock" | "invalid_request" | "auth" | "insufficient_balance" | "rate_limited", ErrorProbe | string>>;
}

const DAY = 86_400_000;

export const CONTRACT_SUPPLIERS: readonly ContractSupplier[] = [
  {
    code: "sandbox",
    async start() {
      const s = await startSandbox();
      const p = s.service.catalog.products.find((x) => x.variants.some((v) => Object.values(v.stock).some((n) => n > 5)))!;
      const v = p.variants.find((x) => Object.values(x.stock).some((n) => n > 5))!;
      const warehouse = Object.entries(v.stock).find(([, n]) => n > 5)![0];
      return { adapter: s.adapter, variant: { vid: v.vid, warehouse, productId: p.pid }, keyword: "phone", orderCount: () => s.service.orderCount,
        advanceDays: async (d) => s.clock.advance(d * DAY), close: () => s.service.close() };
    },
    errors: {
      not_found: (w) => w.adapter.getProduct("SBX999999"),
      out_of_stock: (w) => w.adapter.createOrder({ idempotencyKey: "contract-oos", lines: [{ supplierVariantId: w.variant.vid, quantity: 1_000_000 }], shipTo: CONTRACT_ADDRESS, fromWarehouse: w.variant.warehouse }),
      invalid_request: (w) => w.adapter.createOrder({ idempotencyKey: "contract-bad", lines: [], shipTo: CONTRACT_ADDRESS }),
      auth: "the sandbox supplier needs no credentials",
      insufficient_balance: "the sandbox supplier has no prepaid balance",
      rate_limited: "the sandbox supplier publishes no rate limit",
    },
  },
  {
    code: "cj",
    async start() {
      const stored = new Map<string, TrackingEvent[]>();
      const cj = await startCj({ adapter: { logisticEvents: async () => stored } });
      const { product, variant } = cj.variantIn("CN");
      // LOGISTIC webhook messages are how CJ reports scans; the suite stores them as the webhook receiver does.
      const pump = () => { for (const m of cj.emulator.outbox.due()) if (m.topic === "logistics") { const l = parseLogisticMessage(JSON.parse(m.body)); stored.set(l.trackingNumber, l.events); } };
      return { adapter: cj.adapter, variant: { vid: variant.vid, warehouse: "CN", productId: product.pid }, keyword: "phone",
        orderCount: () => cj.emulator.orderCount, advanceDays: async (d) => { cj.clock.advance(d * DAY); pump(); }, close: cj.close,
        emulator: cj.emulator, build: cj.build } as ContractWorld;
    },
    errors: {
      not_found: (w) => w.adapter.getProduct("00000000-0000-0000-0000-000000000000"),
      out_of_stock: (w) => w.adapter.createOrder({ idempotencyKey: "contract-oos", lines: [{ supplierVariantId: w.variant.vid, quantity: 1_000_000 }], shipTo: CONTRACT_ADDRESS, fromWarehouse: w.variant.warehouse }),
      invalid_request: (w) => w.adapter.createOrder({ idempotencyKey: "contract-bad", lines: [{ supplierVariantId: w.variant.vid, quantity: 1 }], shipTo: { ...CONTRACT_ADDRESS, province: "" } }),
      auth: (w) => (w as CjWorld).build({ apiKey: "CJ404@api@nobody" }).getProduct(w.variant.productId),
      insufficient_balance: (w) => {
        (w as CjWorld).emulator.setBalance(CJ_EMULATOR_ACCOUNTS.demo.apiKey, 0);
        return w.adapter.createOrder({ idempotencyKey: "contract-broke", lines: [{ supplierVariantId: w.variant.vid, quantity: 1 }], shipTo: CONTRACT_ADDRESS, fromWarehouse: w.variant.warehouse });
      },
      rate_limited: async (w) => {
        const adapter = (w as CjWorld).build({ apiKey: CJ_EMULATOR_ACCOUNTS.demo.apiKey, resilience: { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } } });
        (w as CjWorld).emulator.accounts.accounts.get(CJ_EMULATOR_ACCOUNTS.demo.apiKey)!.dailyPoints = 0;
        return adapter.searchCatalog({ pageSize: 1 });
      },
    },
  },
];

type CjWorld = ContractWorld & { emulator: Awaited<ReturnType<typeof startCj>>["emulator"]; build: Awaited<ReturnType<typeof startCj>>["build"] };
