// The suppliers the contract suite runs against, each through its own emulator over real HTTP. An entry says how to
// start the world and how to provoke each error kind; a kind it cannot provoke is `undefined` with a reason, and the
// suite skips it visibly.
import type { SupplierAdapter } from "../supplier-adapter";
import type { SupplierCode } from "../supplier-models";
import type { ShippingAddress, TrackingEvent } from "../supplier-order-models";
import type { SupplierErrorKind } from "../supplier-result";
import { startCj } from "../cj/cj.fixture";
import { CJ_EMULATOR_ACCOUNTS } from "../cj/emulator/cj-emulator";
import { parseLogisticMessage } from "../cj/mappers";
import { startSandbox } from "../sandbox/sandbox.fixture";
import { buildJdAdapterFor } from "../jd/index";
import type { JdCredentials } from "../jd/client";
import { EMULATED_JD_ACCOUNT, startJdVopEmulator } from "../jd/emulator/jd-vop-emulator";
import { createManualClock } from "../resilience/clock";

export const CONTRACT_ADDRESS: ShippingAddress = {
  name: "Contract Buyer", phone: "+15125550100", address1: "500 W 2nd St", city: "Austin", province: "Texas", zip: "78701", countryCode: "US",
};

/** Provokes one error kind: returns the failing call's result. */
export type ErrorProbe = (world: ContractWorld) => Promise<{ ok: boolean; error?: { kind: SupplierErrorKind } }>;

export interface ContractWorld {
  readonly adapter: SupplierAdapter;
  /** A variant with stock at `warehouse` (or, for area-stock suppliers, in `shipTo`'s area), to order from. */
  readonly variant: { readonly vid: string; readonly warehouse?: string; readonly productId: string };
  /** Where orders ship; CONTRACT_ADDRESS unless the supplier delivers only to its own area ids (JD). */
  readonly shipTo?: ShippingAddress;
  /** What an order looks like after `days` on the supplier's clock (CJ/sandbox: in customs; JD: delivered in China). */
  readonly afterShipping?: {
    readonly days: number; readonly parcelStatus: string; readonly orderStatus: string;
    /** False when the supplier's order lookup carries no waybill (JD: only orderTrack has it, read by getTracking). */
    readonly orderListsTracking?: boolean;
  };
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
  /** Behaviours the supplier does not have, with the reason shown on the skipped test. */
  readonly skips?: { readonly cancelConfirmed?: string };
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
  {
    code: "jd",
    async start() {
      const clock = createManualClock();
      const jd = await startJdVopEmulator(0, { clock });
      const build = (credentials: JdCredentials, url = jd.url) => buildJdAdapterFor(url, credentials,
        { clock, resilience: { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 }, breaker: { failureThreshold: 50, openMs: 1_000 } } });
      // A priced SKU of the first pool with plenty of stock in Guangdong (province 19), where the warehouse is.
      const sku = jd.emulator.catalog.skusOfPool("31950").map((id) => jd.emulator.catalog.sku(id)!)
        .find((s) => s.priceFen > 0 && jd.emulator.catalog.stockIn(s, 19) >= 50)!;
      return { adapter: build(jd.credentials), variant: { vid: String(sku.sku), productId: String(sku.sku) }, keyword: "", // no keyword search: the suite browses pools
        shipTo: JD_CONSOLIDATION_ADDRESS, afterShipping: { days: 5, parcelStatus: "delivered", orderStatus: "delivered", orderListsTracking: false },
        orderCount: () => jd.emulator.orders.size, advanceDays: async (d) => clock.advance(d * DAY), close: jd.close, build, clock } as JdWorld;
    },
    skips: { cancelConfirmed: "JD cancels only unconfirmed (reserved) orders; a confirmed order goes to JD's after-sale path" },
    errors: {
      not_found: (w) => w.adapter.createOrder({ idempotencyKey: "contract-nf", lines: [{ supplierVariantId: "100099999999", quantity: 1 }], shipTo: JD_CONSOLIDATION_ADDRESS }),
      out_of_stock: (w) => w.adapter.createOrder({ idempotencyKey: "contract-oos", lines: [{ supplierVariantId: w.variant.vid, quantity: 1_000_000 }], shipTo: JD_CONSOLIDATION_ADDRESS }),
      // JD routes only to its own area ids: an address without one is refused before anything is sent.
      invalid_request: (w) => w.adapter.createOrder({ idempotencyKey: "contract-bad", lines: [{ supplierVariantId: w.variant.vid, quantity: 1 }], shipTo: CONTRACT_ADDRESS }),
      auth: (w) => (w as JdWorld).build({ ...EMULATED_JD_ACCOUNT, password: "wrong-password" }).getProduct(w.variant.productId),
      insufficient_balance: async (w) => {
        const broke = await startJdVopEmulator(0, { balanceFen: 100, clock: (w as JdWorld).clock }); // 1 yuan; same clock, or JD's 30-minute skew check refuses the token
        try {
          return await (w as JdWorld).build(broke.credentials, broke.url).createOrder({ idempotencyKey: "contract-broke", lines: [{ supplierVariantId: w.variant.vid, quantity: 1 }], shipTo: JD_CONSOLIDATION_ADDRESS });
        } finally { await broke.close(); }
      },
      rate_limited: "the JD emulator has no published trigger for 3002/3021/3041 (classified in jd/errors.ts, tested in jd-resilience)",
    },
  },
];

/** The emulator's ready consolidation warehouse: 19_1666_1669_52082 广东 佛山市 顺德区 均安镇 (OYMLCN client tests). */
export const JD_CONSOLIDATION_ADDRESS: ShippingAddress = {
  name: "集运仓 测试", phone: "13800000000", address1: "均安镇 集运路 8 号", city: "佛山市", province: "广东", countryCode: "CN", supplierAreaId: "19_1666_1669_52082",
};

type JdWorld = ContractWorld & { build: (credentials: JdCredentials, url?: string) => ReturnType<typeof buildJdAdapterFor>; clock: ReturnType<typeof createManualClock> };

type CjWorld = ContractWorld & { emulator: Awaited<ReturnType<typeof startCj>>["emulator"]; build: Awaited<ReturnType<typeof startCj>>["build"] };
