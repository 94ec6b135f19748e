import { afterEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { uniqueShop } from "../../../test/webhooks";
import { settingsPageAction, settingsPageData } from "../../sourcing/settings-page.server";
import { resetSupplierAdapters } from "../../sourcing/supplier-connections.server";
import { CJ_EMULATOR_ACCOUNTS, createCjEmulator } from "./emulator/cj-emulator";

const saved = { key: process.env.CJ_EMULATOR_API_KEY, url: process.env.CJ_API_BASE_URL };
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  process.env.CJ_EMULATOR_API_KEY = saved.key;
  process.env.CJ_API_BASE_URL = saved.url;
  if (saved.key === undefined) delete process.env.CJ_EMULATOR_API_KEY;
  if (saved.url === undefined) delete process.env.CJ_API_BASE_URL;
  resetSupplierAdapters();
  await stop?.();
});

describe("Connect CJ (emulated)", () => {
  it("connects the shop to the CJ emulator's test account and registers its webhook receiver with CJ", async () => {
    const emulator = createCjEmulator({ productCount: 30 });
    const { apiBaseUrl } = await emulator.listen(0);
    stop = () => emulator.close();
    process.env.CJ_EMULATOR_API_KEY = CJ_EMULATOR_ACCOUNTS.demo.apiKey;
    process.env.CJ_API_BASE_URL = apiBaseUrl;
    resetSupplierAdapters();
    const shop = uniqueShop("cjdemo");
    expect((await settingsPageData(shop)).cjEmulated).toBe(true);

    const result = await settingsPageAction(shop, { intent: "connect-cj-emulated", supplier: "cj" });
    expect(result).toMatchObject({ ok: true, notice: { key: "settings:notice.emulatedConnected", values: { supplier: "cj" } } });
    const connection = await db.supplierConnection.findUnique({ where: { shop_supplier: { shop, supplier: "cj" } } });
    expect(connection?.status).toBe("connected");
    const callbacks = emulator.accounts.accounts.get(CJ_EMULATOR_ACCOUNTS.demo.apiKey)!.callbacks;
    expect(callbacks.logistics).toEqual([`${process.env.SHOPIFY_APP_URL!.replace(/\/$/, "")}/webhooks/cj/${connection!.id}`]);
    expect(callbacks.stock).toEqual(callbacks.logistics);
    await db.supplierConnection.deleteMany({ where: { shop } });
  });

  it("is not offered where no CJ emulator runs", async () => {
    delete process.env.CJ_EMULATOR_API_KEY;
    expect((await settingsPageData(uniqueShop("nocj"))).cjEmulated).toBe(false);
    expect(await settingsPageAction(uniqueShop("nocj"), { intent: "connect-cj-emulated", supplier: "cj" })).toMatchObject({ ok: false });
  });
});
