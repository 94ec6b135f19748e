import { describe, expect, it } from "vitest";
import db from "../db.server";
import { adminRequest, routeArgs, seedInstalledShop } from "../test/admin-session";
import { uniqueShop } from "../test/webhooks";
import { action, loader } from "./app.settings";

// Route answers are read loosely; the assertions say what matters.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (response: Response): Promise<any> => response.json();

const post = (shop: string, form: Record<string, string>) => action(routeArgs(adminRequest(shop, "/app/settings", { form })));
const page = async (shop: string) => body(await loader(routeArgs(adminRequest(shop, "/app/settings"))));

describe("the settings page", () => {
  it("has the sandbox connected as the default supplier with no account", async () => {
    const shop = uniqueShop("settings-default");
    await seedInstalledShop(shop);
    const data = await page(shop);
    expect(data.connections.find((c: { supplier: string }) => c.supplier === "sandbox")).toMatchObject({ connected: true, isDefault: true, fields: [] });
    expect(data.connections.find((c: { supplier: string }) => c.supplier === "jd")).toMatchObject({ connected: false });
  });

  it("stores supplier credentials encrypted and never sends them back to the browser", async () => {
    const shop = uniqueShop("settings-secret");
    await seedInstalledShop(shop);
    const secret = "jd-client-secret-do-not-echo";
    await db.supplierConnection.create({ data: { shop, supplier: "jd" } }); // skip the live test call, which needs JD's network
    const { saveCredentials } = await import("../server/sourcing/supplier-connections.server");
    await saveCredentials(shop, "jd", { clientId: "cid", clientSecret: secret, username: "u", password: "p" });
    const stored = await db.encryptedSecret.findUniqueOrThrow({ where: { shop_purpose: { shop, purpose: "supplier:jd" } } });
    expect(stored.ciphertext).not.toContain(secret);
    const text = JSON.stringify(await page(shop));
    expect(text).not.toContain(secret);
    expect(JSON.parse(text).connections.find((c: { supplier: string }) => c.supplier === "jd").fields.filter((f: { required: boolean }) => f.required).every((f: { filled: boolean }) => f.filled)).toBe(true);
  });

  it("saves pricing rules and explains a field it cannot read", async () => {
    const shop = uniqueShop("settings-pricing");
    await seedInstalledShop(shop);
    const bad = await post(shop, { intent: "save-pricing", multiplier: "abc", fixedAdd: "1.50", tiers: "", ending: "99", compareAtMultiplier: "" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.multiplier).toMatch(/number/);
    const good = await post(shop, { intent: "save-pricing", multiplier: "3", fixedAdd: "1.50", tiers: "10.00, 3, 0\n*, 2, 0", ending: "95", compareAtMultiplier: "1.3", includeShipping: "on", includeDuties: "on" });
    expect(good.status).toBe(200);
    expect((await page(shop)).pricing).toEqual({ multiplier: "3", fixedAdd: "1.50", tiers: "10.00, 3, 0.00\n*, 2, 0.00", ending: "95", compareAtMultiplier: "1.3", includeShipping: true, includeDuties: true });
  });

  it("shows the ECB rate with its date and lets the merchant override it", async () => {
    const shop = uniqueShop("settings-fx");
    await seedInstalledShop(shop);
    const before = (await page(shop)).rates.find((r: { from: string }) => r.from === "CNY");
    expect(before).toMatchObject({ to: "USD", overridden: false });
    expect(before.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await post(shop, { intent: "save-fx", from: "CNY", to: "USD", rate: "0.15" });
    expect((await page(shop)).rates.find((r: { from: string }) => r.from === "CNY")).toMatchObject({ rate: 0.15, overridden: true });
  });
});
