import { afterEach, describe, expect, it } from "vitest";
import db from "../db.server";
import { useShopifyEmulator } from "../test/emulator";
import { embeddedUrl, sessionToken } from "../test/session-token";
import { uniqueShop } from "../test/webhooks";
import { loader as homeLoader } from "./app._index";

// Shopify's token endpoint is the emulator's: it verifies the session token and issues real expiring tokens.
const shopify = useShopifyEmulator();
const exchanges = () => shopify.requests.filter((r) => r.url.endsWith("/admin/oauth/access_token"));
afterEach(() => { shopify.requests.length = 0; });

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected the loader to throw a Response");
}

const args = (url: string, init?: RequestInit) => ({ request: new Request(url, init), params: {}, context: {} });

describe("admin routes authenticate with the session token", () => {
  it("sends a visitor without a shop to the login page", async () => {
    const response = await thrown(homeLoader(args(`${process.env.SHOPIFY_APP_URL}/app`)));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/auth/login");
  });

  it("bounces an embedded load without a session token to get one from App Bridge", async () => {
    const shop = shopify.createShop({ domain: uniqueShop("bounce") });
    const response = await thrown(homeLoader(args(embeddedUrl("/app", shop))));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/auth/session-token");
  });

  it("exchanges a valid session token for an expiring offline token and serves the page", async () => {
    const shop = shopify.createShop({ domain: uniqueShop("exchange") });
    const result = await homeLoader(args(embeddedUrl("/app", shop, sessionToken({ shop }))));
    expect(await result.json()).toMatchObject({ shop });
    expect(JSON.parse(exchanges()[0]!.body)).toMatchObject({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    });
    expect(shopify.emulator.controls.shop(shop).installed).toBe(true);
    const session = await db.session.findFirstOrThrow({ where: { shop, isOnline: false } });
    const issued = shopify.emulator.tokens.check(session.accessToken, shop);
    expect(issued).toMatchObject({ online: false });
    expect(issued?.expiresAt).not.toBeNull();
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(session.expires).not.toBeNull();
    expect(await db.shop.count({ where: { domain: shop } })).toBe(1);
  });

  it("refuses a session token signed with another app's secret", async () => {
    const shop = shopify.createShop({ domain: uniqueShop("forged") });
    const response = await thrown(homeLoader(args(embeddedUrl("/app", shop, sessionToken({ shop, secret: "someone-else" })))));
    expect([302, 401]).toContain(response.status);
    expect(exchanges()).toHaveLength(0);
    expect(shopify.emulator.controls.shop(shop).installed).toBe(false);
  });

  it("refuses a fetch with a bearer token for one shop that claims another shop's data", async () => {
    const mine = shopify.createShop({ domain: uniqueShop("mine") });
    const response = await thrown(
      homeLoader(args(`${process.env.SHOPIFY_APP_URL}/app?shop=${uniqueShop("theirs")}`, {
        headers: { Authorization: `Bearer ${sessionToken({ shop: mine, expiresInSeconds: -120 })}` },
      })),
    );
    expect(response.status).toBe(401);
    expect(exchanges()).toHaveLength(0);
  });
});
