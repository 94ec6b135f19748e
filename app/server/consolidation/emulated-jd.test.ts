import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../db.server";
import { seedInstalledShop } from "../../test/admin-session";
import { uniqueShop } from "../../test/webhooks";
import { createJdVopEmulator, type JdVopEmulator } from "../suppliers/jd/emulator/jd-vop-emulator";
import { resetSupplierAdapters } from "../sourcing/supplier-connections.server";
import { settingsPageAction, settingsPageData } from "../sourcing/settings-page.server";

let emulator: JdVopEmulator;
beforeEach(async () => {
  emulator = createJdVopEmulator();
  process.env.JD_VOP_EMULATOR_URL = (await emulator.listen()).url;
  resetSupplierAdapters();
});
afterEach(async () => {
  delete process.env.JD_VOP_EMULATOR_URL;
  resetSupplierAdapters();
  await emulator.close();
});

describe("Connect JD VOP (emulated)", () => {
  it("connects the demo's JD emulator with its test credentials and a ready consolidation warehouse", async () => {
    const shop = uniqueShop("jd-emulated");
    await seedInstalledShop(shop);
    expect((await settingsPageData(shop)).emulatedJd).toBe(true);
    const r = await settingsPageAction(shop, { intent: "connect-jd-emulated" });
    expect(r).toMatchObject({ ok: true, notice: { key: "settings:notice.detail", values: { detail: expect.stringContaining("均安镇") } } });
    expect(await db.supplierConnection.findFirst({ where: { shop, supplier: "jd" } })).toMatchObject({ status: "connected" });
    expect(await db.consolidationWarehouse.findMany({ where: { shop } })).toMatchObject([{ provinceId: 19, cityId: 1666, countyId: 1669, townId: 52082, isDefault: true }]);
    expect(emulator.calls).toContain("/api/product/getSkuByPage"); // the connection test browsed the first pool
  });

  it("is not offered when no JD emulator runs", async () => {
    delete process.env.JD_VOP_EMULATOR_URL;
    const shop = uniqueShop("jd-emulated-off");
    await seedInstalledShop(shop);
    expect((await settingsPageData(shop)).emulatedJd).toBe(false);
    expect(await settingsPageAction(shop, { intent: "connect-jd-emulated" })).toMatchObject({ ok: false });
  });
});
