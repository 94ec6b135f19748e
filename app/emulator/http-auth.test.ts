import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEmulator, buildShop } from "./test-builders";

const { emulator } = buildEmulator();
beforeAll(() => emulator.listen());
afterAll(() => emulator.close());

const post = (path: string, headers: Record<string, string>, query = "{ shop { name } }") =>
  fetch(`${emulator.url}${path}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ query }) });

describe("the Admin API over HTTP", () => {
  it("answers 401 with Shopify's message for a missing or unknown access token", async () => {
    const shop = buildShop(emulator);
    emulator.controls.installApp(shop);
    const response = await post(`/shops/${shop}/admin/api/2026-10/graphql.json`, { "X-Shopify-Access-Token": "shpat_nope" });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
  });

  it("finds the shop from the path prefix or from the X-Shopify-Shop-Domain header", async () => {
    const shop = buildShop(emulator);
    const { accessToken } = emulator.controls.installApp(shop);
    for (const [path, headers] of [[`/shops/${shop}/admin/api/2026-10/graphql.json`, {}], ["/admin/api/2026-10/graphql.json", { "X-Shopify-Shop-Domain": shop }]] as const) {
      const response = await post(path, { ...headers, "X-Shopify-Access-Token": accessToken });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown }).data).toEqual({ shop: { name: "Test Shop" } });
    }
  });

  it("revokes tokens when the app is uninstalled", async () => {
    const shop = buildShop(emulator);
    const { accessToken } = emulator.controls.installApp(shop);
    emulator.controls.uninstallApp(shop);
    expect((await post(`/shops/${shop}/admin/api/2026-10/graphql.json`, { "X-Shopify-Access-Token": accessToken })).status).toBe(401);
  });
});
