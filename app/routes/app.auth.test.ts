import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import db from "../db.server";
import { embeddedUrl, sessionToken } from "../test/session-token";
import { uniqueShop } from "../test/webhooks";
import { loader as homeLoader } from "./app._index";

// Until the emulator answers token exchange, msw plays Shopify's documented endpoint.
const exchanges: Array<Record<string, string>> = [];
const server = setupServer(
  http.post("https://:shop/admin/oauth/access_token", async ({ request }) => {
    const body = (await request.json()) as Record<string, string>;
    exchanges.push(body);
    return HttpResponse.json({
      access_token: `shpat_${body.subject_token?.slice(-6)}`,
      scope: "read_products,write_products",
      expires_in: 3600,
      refresh_token: "shprt_refresh",
      refresh_token_expires_in: 7_776_000,
    });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  exchanges.length = 0;
});
afterAll(() => server.close());

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
    const shop = uniqueShop("bounce");
    const response = await thrown(homeLoader(args(embeddedUrl("/app", shop))));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/auth/session-token");
  });

  it("exchanges a valid session token for an expiring offline token and serves the page", async () => {
    const shop = uniqueShop("exchange");
    const result = await homeLoader(args(embeddedUrl("/app", shop, sessionToken({ shop }))));
    expect(await result.json()).toEqual({ shop });
    expect(exchanges[0]).toMatchObject({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      expiring: "1",
    });
    const session = await db.session.findFirstOrThrow({ where: { shop, isOnline: false } });
    expect(session.refreshToken).toBe("shprt_refresh");
    expect(session.expires).not.toBeNull();
    expect(await db.shop.count({ where: { domain: shop } })).toBe(1);
  });

  it("refuses a session token signed with another app's secret", async () => {
    const shop = uniqueShop("forged");
    const response = await thrown(homeLoader(args(embeddedUrl("/app", shop, sessionToken({ shop, secret: "someone-else" })))));
    expect([302, 401]).toContain(response.status);
    expect(exchanges).toHaveLength(0);
  });

  it("refuses a fetch with a bearer token for one shop that claims another shop's data", async () => {
    const mine = uniqueShop("mine");
    const response = await thrown(
      homeLoader(args(`${process.env.SHOPIFY_APP_URL}/app?shop=${uniqueShop("theirs")}`, {
        headers: { Authorization: `Bearer ${sessionToken({ shop: mine, expiresInSeconds: -120 })}` },
      })),
    );
    expect(response.status).toBe(401);
    expect(exchanges).toHaveLength(0);
  });
});
