import { afterEach, describe, expect, it, vi } from "vitest";
import db from "../../db.server";
import { seedInstalledShop } from "../../test/admin-session";
import { uniqueShop } from "../../test/webhooks";
import { shopSupplierAdapter } from "../suppliers/shop-adapters.server";
import { defaultSupplier, listConnections } from "./supplier-connections.server";

afterEach(() => vi.unstubAllEnvs());

async function shop(label: string, developmentStore: boolean) {
  const domain = uniqueShop(label);
  await seedInstalledShop(domain);
  await db.shop.update({ where: { domain }, data: { developmentStore } });
  return domain;
}

describe("the sandbox supplier", () => {
  it("is neither connected, listed nor the default for a live store in production", async () => {
    vi.stubEnv("SILKROUTE_MODE", "production");
    const live = await shop("live", false);
    const suppliers = (await listConnections(live)).map((c) => c.supplier);
    expect(suppliers).not.toContain("sandbox");
    expect(await defaultSupplier(live)).not.toBe("sandbox");
    expect(await db.supplierConnection.count({ where: { shop: live } })).toBe(0);
    await expect(shopSupplierAdapter(live, "sandbox")).rejects.toThrow(/development stores/);
  });

  it("is offered to a development store in production", async () => {
    vi.stubEnv("SILKROUTE_MODE", "production");
    const dev = await shop("dev", true);
    expect((await listConnections(dev)).find((c) => c.supplier === "sandbox")).toMatchObject({ connected: true, isDefault: true });
    expect(await defaultSupplier(dev)).toBe("sandbox");
  });

  it("is offered to every store in demo and test mode", async () => {
    vi.stubEnv("SILKROUTE_MODE", "demo");
    expect(await defaultSupplier(await shop("demo", false))).toBe("sandbox");
  });
});
