import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, LogSeverity, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "./clock";
import { buildEmulator, buildShop, TEST_API_KEY, TEST_API_SECRET } from "./test-builders";

// jose checks the session token against the real wall clock, so the emulator's clock starts at "now".
const clock = manualClock(Date.now());
const { emulator } = buildEmulator({ clock });
const api = shopifyApi({
  apiKey: TEST_API_KEY, apiSecretKey: TEST_API_SECRET, scopes: ["read_products"], hostName: "127.0.0.1:3999", hostScheme: "http",
  apiVersion: ApiVersion.October26, isEmbeddedApp: true, logger: { level: LogSeverity.Error },
});

beforeAll(async () => {
  // Over real HTTP: the library's https://<shop>/admin/... requests are rerouted to http://127.0.0.1:<port>/shops/<shop>/admin/...
  const { createShopifyFetch } = await import("./shopify-fetch");
  setAbstractFetchFunc(createShopifyFetch(await emulator.listen()) as never);
});
afterAll(() => emulator.close());

describe("OAuth token exchange against @shopify/shopify-api", () => {
  it("exchanges a session token for an expiring offline token that the Admin API accepts", async () => {
    const shop = buildShop(emulator);
    const { session } = await api.auth.tokenExchange({
      shop, sessionToken: emulator.controls.sessionToken(shop), requestedTokenType: RequestedTokenType.OfflineAccessToken, expiring: true,
    });
    expect(session).toMatchObject({ shop, isOnline: false, id: `offline_${shop}` });
    expect(session.accessToken).toMatch(/^shpat_/);
    expect(session.refreshToken).toMatch(/^shprt_/);
    expect(session.expires!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    const client = new api.clients.Graphql({ session });
    const response = await client.request(`{ shop { myshopifyDomain } }`);
    expect(response.data).toEqual({ shop: { myshopifyDomain: shop } });
  });

  it("issues an online token with the associated user from the session token's sub", async () => {
    const shop = buildShop(emulator);
    const { session } = await api.auth.tokenExchange({
      shop, sessionToken: emulator.controls.sessionToken(shop, 777), requestedTokenType: RequestedTokenType.OnlineAccessToken,
    });
    expect(session.isOnline).toBe(true);
    expect(session.onlineAccessInfo?.associated_user.id).toBe(777);
  });

  it("refreshes an expiring offline token, rotating the refresh token", async () => {
    const shop = buildShop(emulator);
    const first = (await api.auth.tokenExchange({
      shop, sessionToken: emulator.controls.sessionToken(shop), requestedTokenType: RequestedTokenType.OfflineAccessToken, expiring: true,
    })).session;
    clock.advance(3601_000); // the access token has expired
    await expect(new api.clients.Graphql({ session: first }).request(`{ shop { name } }`)).rejects.toThrow();
    const { session: refreshed } = await api.auth.refreshToken({ shop, refreshToken: first.refreshToken! });
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(refreshed.refreshToken).not.toBe(first.refreshToken);
    const response = await new api.clients.Graphql({ session: refreshed }).request(`{ shop { name } }`);
    expect(response.data).toEqual({ shop: { name: "Test Shop" } });
    // Once the new refresh token has been used, the first one is dead.
    await api.auth.refreshToken({ shop, refreshToken: refreshed.refreshToken! });
    await expect(api.auth.refreshToken({ shop, refreshToken: first.refreshToken! })).rejects.toThrow();
    clock.set(Date.now());
  });

  it("rejects a session token signed with another secret", async () => {
    const shop = buildShop(emulator);
    const response = await fetch(`${emulator.url}/shops/${shop}/admin/oauth/access_token`, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: TEST_API_KEY, client_secret: TEST_API_SECRET, grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: emulator.controls.sessionToken(shop).replace(/\.[^.]+$/, ".AAAA"), subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_subject_token" });
  });
});
