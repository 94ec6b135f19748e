import { money } from "../../money";
import type { SupplierOrderRequest } from "../supplier-order-models";
import { createManualClock } from "../resilience/clock";
import { createSandboxSupplierService, type SandboxServiceOptions } from "./service/sandbox-service";
import { createSandboxAdapter } from "./index";

export function buildOrderRequest(overrides: Partial<SupplierOrderRequest> = {}): SupplierOrderRequest {
  return {
    idempotencyKey: "so_test_0001",
    lines: [{ supplierVariantId: "SBX000001-01", quantity: 1 }],
    shipTo: { name: "Test Buyer", phone: "+10000000000", address1: "1 Test St", city: "Testville", zip: "10001", countryCode: "US" },
    ...overrides,
  };
}

/** A running sandbox service on a random port with a manual clock, and an adapter pointed at it. */
export async function startSandbox(options: SandboxServiceOptions = {}, adapterTimeoutMs = 5_000) {
  const clock = createManualClock();
  const service = createSandboxSupplierService({ seed: 42, productCount: 600, clock, ...options });
  const { url } = await service.listen(0);
  const adapter = createSandboxAdapter({
    baseUrl: url,
    resilience: { timeoutMs: adapterTimeoutMs, retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 5 },
      breaker: { failureThreshold: 1_000, openMs: 1_000 } },
  });
  return { clock, service, adapter, url, cny: (amount: number) => money(amount, "CNY") };
}
