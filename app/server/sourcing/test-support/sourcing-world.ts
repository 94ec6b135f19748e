// Tests only: an emulated Shopify shop (over HTTP, so staged uploads and bulk results work), the sandbox
// supplier service, the shop's installed session, and an Admin client routed to the emulator through msw.
import { setupServer } from "msw/node";
import { createEmulator, type PlanKey } from "../../../emulator";
import { emulatorHandlers } from "../../../emulator/msw-handlers";
import { seedInstalledShop } from "../../../test/admin-session";
import { uniqueShop } from "../../../test/webhooks";
import { AdminClient } from "../../shopify/admin-client";
import { CostPacer } from "../../shopify/cost-pacer";
import { createSandboxSupplierService } from "../../suppliers/sandbox/service/sandbox-service";
import { resetSupplierAdapters } from "../supplier-connections.server";
import type { ImportDeps } from "../imports/run-import.server";

// Emulator summaries are plain records; tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EmulatedProduct = any;

export interface SourcingWorldOptions {
  plan?: PlanKey;
  currencyCode?: string;
  productCount?: number;
  /** Where the emulator delivers webhooks (the app's route actions in tests); ignored when omitted. */
  deliverWebhook?: (request: Request) => Promise<Response>;
}

export async function startSourcingWorld(options: SourcingWorldOptions = {}) {
  const shop = uniqueShop("sourcing");
  const emulator = createEmulator({
    apiKey: process.env.SHOPIFY_API_KEY!, apiSecret: process.env.SHOPIFY_API_SECRET!, appUrl: process.env.SHOPIFY_APP_URL!,
    appTomlPath: null, webhookRetryDelaysMs: [5],
    fetch: async (input, init) => (options.deliverWebhook ? options.deliverWebhook(new Request(input, init)) : new Response("ok")),
  });
  await emulator.listen();
  emulator.controls.createShop({
    domain: shop, plan: options.plan ?? "advanced", currencyCode: options.currencyCode ?? "USD", ianaTimezone: "America/New_York",
    address: { address1: "1 Main St", city: "Springfield", provinceCode: "IL", zip: "62701", countryCode: "US" },
  });
  const { accessToken } = emulator.controls.installApp(shop);
  emulator.controls.subscribeAppWebhooks(["bulk_operations/finish"], "/webhooks/bulk_operations/finish");
  await seedInstalledShop(shop, accessToken);

  const sandbox = createSandboxSupplierService({ seed: 42, productCount: options.productCount ?? 300 });
  const { url: sandboxUrl } = await sandbox.listen(0);
  process.env.SANDBOX_SUPPLIER_URL = sandboxUrl;
  resetSupplierAdapters();

  const msw = setupServer(...emulatorHandlers(emulator));
  msw.listen({ onUnhandledRequest: (request, print) => { if (new URL(request.url).hostname !== "127.0.0.1") print.error(); } });
  const admin = new AdminClient({ shop, accessToken, pacer: new CostPacer(), baseDelayMs: 5 });
  const deps: ImportDeps = { adminFor: async () => admin, appUrl: "http://127.0.0.1:3000" };

  return {
    shop, emulator, sandbox, sandboxUrl, msw, admin, deps,
    products: (): EmulatedProduct[] => emulator.controls.products(shop),
    async close() {
      msw.close();
      await emulator.close();
      await sandbox.close();
    },
  };
}

export type SourcingWorld = Awaited<ReturnType<typeof startSourcingWorld>>;
