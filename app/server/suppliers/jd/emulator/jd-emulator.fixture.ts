// One JD world per test: the emulator on a free port and a JD adapter against it, sharing one manual clock.
import { createManualClock, type ManualClock } from "../../resilience/clock";
import type { SupplierOrderRequest } from "../../supplier-order-models";
import { createJdAdapter, type JdAdapterOptions } from "../index";
import { createJdVopEmulator, type JdVopEmulatorOptions } from "./jd-vop-emulator";

export async function startJdWorld(options: { emulator?: JdVopEmulatorOptions; adapter?: Partial<JdAdapterOptions>; clock?: ManualClock } = {}) {
  const clock = options.clock ?? createManualClock(); // 2026-11-01T00:00Z = 08:00 in Beijing
  const emulator = createJdVopEmulator({ clock, ...options.emulator });
  const { url } = await emulator.listen();
  const adapter = createJdAdapter({
    credentials: { ...emulator.account }, baseUrl: url, clock,
    resilience: { timeoutMs: 5_000, retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 }, breaker: { failureThreshold: 50, openMs: 1_000 } },
    ...options.adapter,
  });
  return { emulator, url, adapter, clock, close: () => emulator.close() };
}

export type JdWorld = Awaited<ReturnType<typeof startJdWorld>>;

/** POSTs a form straight to the emulator, as any VOP client would. */
export async function postVop(url: string, path: string, params: Record<string, string>) {
  const response = await fetch(url + path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() });
  return (await response.json()) as { success: boolean; resultCode: string | null; resultMessage: string; result: unknown };
}

// Published ids: 19 广东 / 1666 佛山市 / 1669 顺德区 / 52082 均安镇 (OYMLCN test), 19_1607_3639_0 深圳福田 (no towns).
export const SHUNDE_JUNAN = "19_1666_1669_52082";
export const SHENZHEN_FUTIAN = "19_1607_3639_0";

// SKU ids of the seeded pools: pool 31950 starts at 100012000000; index 16 has no price (-1); shipper = index % 3.
export const POOL_SKU = (index: number, pool = 0) => String(100012000000 + pool * 100_000 + index);

export function buildConsolidationOrder(overrides: Partial<SupplierOrderRequest> = {}): SupplierOrderRequest {
  return {
    idempotencyKey: "so_jd_0001",
    lines: [],
    shipTo: { name: "集运仓 王经理", phone: "13800000000", address1: "均安镇 集运路 8 号", city: "佛山市", countryCode: "CN", supplierAreaId: SHUNDE_JUNAN },
    ...overrides,
  };
}

/** SKUs of pool 31950 that have a price and plenty of stock in Guangdong, from shippers `shippers` (split tests). */
export function stockedSkus(world: JdWorld, shippers: readonly number[]): string[] {
  return shippers.map((shipper) => {
    for (let i = 0; i < 60; i++) {
      const s = world.emulator.catalog.sku(Number(POOL_SKU(i)))!;
      if (s.shipper === shipper && s.priceFen > 0 && world.emulator.catalog.stockIn(s, 19) >= 50) return String(s.sku);
    }
    throw new Error(`no stocked SKU for shipper ${shipper}`);
  });
}
