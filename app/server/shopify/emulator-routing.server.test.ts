import { describe, expect, it } from "vitest";
import { allowAdminShellFraming, frameableByAdminShell, routeShopifyTrafficToEmulator, shopifyEmulatorUrl } from "./emulator-routing.server";

const EMULATOR = "http://127.0.0.1:4555";

function recordingTarget() {
  const urls: string[] = [];
  const target = { fetch: (async (input: RequestInfo | URL) => { urls.push(String(input instanceof Request ? input.url : input)); return new Response("{}"); }) as typeof fetch };
  return { target, urls };
}

describe("Shopify traffic routing to the emulator", () => {
  it("never routes in production, even with SHOPIFY_EMULATOR_URL set", async () => {
    const { target, urls } = recordingTarget();
    const original = target.fetch;
    expect(routeShopifyTrafficToEmulator({ SILKROUTE_MODE: "production", SHOPIFY_EMULATOR_URL: EMULATOR }, target)).toBe(false);
    expect(routeShopifyTrafficToEmulator({ SHOPIFY_EMULATOR_URL: EMULATOR }, target)).toBe(false);
    expect(target.fetch).toBe(original);
    await target.fetch("https://acme.myshopify.com/admin/api/2026-10/graphql.json", { method: "POST" });
    expect(urls).toEqual(["https://acme.myshopify.com/admin/api/2026-10/graphql.json"]);
  });

  it("does nothing in demo or test mode without an emulator URL", () => {
    expect(shopifyEmulatorUrl({ SILKROUTE_MODE: "demo" })).toBeUndefined();
    expect(shopifyEmulatorUrl({ SILKROUTE_MODE: "test", SHOPIFY_EMULATOR_URL: "" })).toBeUndefined();
  });

  it("sends a shop's Admin API calls to the emulator in demo mode and leaves other hosts alone", async () => {
    const { target, urls } = recordingTarget();
    expect(routeShopifyTrafficToEmulator({ SILKROUTE_MODE: "demo", SHOPIFY_EMULATOR_URL: EMULATOR }, target)).toBe(true);
    await target.fetch("https://acme.myshopify.com/admin/api/2026-10/graphql.json", { method: "POST", body: "{}" });
    await target.fetch("https://acme.myshopify.com/admin/oauth/access_token", { method: "POST", body: "{}" });
    await target.fetch("http://127.0.0.1:4010/v1/products");
    expect(urls).toEqual([
      `${EMULATOR}/shops/acme.myshopify.com/admin/api/2026-10/graphql.json`,
      `${EMULATOR}/shops/acme.myshopify.com/admin/oauth/access_token`,
      "http://127.0.0.1:4010/v1/products",
    ]);
  });

  it("wraps fetch once however often the app module is loaded", async () => {
    const { target, urls } = recordingTarget();
    routeShopifyTrafficToEmulator({ SILKROUTE_MODE: "test", SHOPIFY_EMULATOR_URL: EMULATOR }, target);
    const first = target.fetch;
    routeShopifyTrafficToEmulator({ SILKROUTE_MODE: "test", SHOPIFY_EMULATOR_URL: EMULATOR }, target);
    expect(target.fetch).toBe(first);
    await target.fetch("https://acme.myshopify.com/admin/api/2026-10/graphql.json", { method: "POST" });
    expect(urls).toEqual([`${EMULATOR}/shops/acme.myshopify.com/admin/api/2026-10/graphql.json`]);
  });
});

describe("Shopify traffic routing under remix-serve", () => {
  it("keeps routing when the server installs its own fetch after loading the app", async () => {
    const { target } = recordingTarget();
    routeShopifyTrafficToEmulator({ SILKROUTE_MODE: "demo", SHOPIFY_EMULATOR_URL: EMULATOR }, target);
    const installed: string[] = [];
    target.fetch = (async (input: RequestInfo | URL) => { installed.push(String(input)); return new Response("{}"); }) as typeof fetch;
    await target.fetch("https://acme.myshopify.com/admin/oauth/access_token", { method: "POST", body: "{}" });
    expect(installed).toEqual([`${EMULATOR}/shops/acme.myshopify.com/admin/oauth/access_token`]);
  });
});

describe("framing by the local admin shell", () => {
  const libraryHeaders = () => new Headers({
    "Content-Security-Policy": "frame-ancestors https://acme.myshopify.com https://admin.shopify.com;",
    Link: '<https://cdn.shopify.com/shopifycloud/app-bridge.js>; rel="preload"; as="script";',
  });

  it("lets the shell that serves the App Bridge stand-in frame the app in demo mode", () => {
    const headers = libraryHeaders();
    allowAdminShellFraming(headers, { SILKROUTE_MODE: "demo", APP_BRIDGE_URL: "http://127.0.0.1:4600/app-bridge.js" });
    expect(headers.get("Content-Security-Policy")).toBe("frame-ancestors http://127.0.0.1:4600 https://acme.myshopify.com https://admin.shopify.com;");
    expect(headers.get("Link")).toContain("http://127.0.0.1:4600/app-bridge.js");
  });

  it("keeps Shopify's framing rules untouched in production", () => {
    const headers = libraryHeaders();
    allowAdminShellFraming(headers, { SILKROUTE_MODE: "production", APP_BRIDGE_URL: "http://127.0.0.1:4600/app-bridge.js" });
    expect(headers.get("Content-Security-Policy")).toBe("frame-ancestors https://acme.myshopify.com https://admin.shopify.com;");
    expect(headers.get("Link")).toContain("cdn.shopify.com");
  });

  it("lets the shell frame the session-token bounce page the library throws", async () => {
    const bounce = new Response("<script></script>", { headers: libraryHeaders() });
    const authenticate = frameableByAdminShell({ admin: async (_request: Request) => { throw bounce; } }, { SILKROUTE_MODE: "test", APP_BRIDGE_URL: "http://127.0.0.1:4600/app-bridge.js" });
    const thrown = await authenticate.admin(new Request("http://127.0.0.1:3000/auth/session-token")).catch((e: unknown) => e);
    expect(thrown).toBe(bounce);
    expect(bounce.headers.get("Content-Security-Policy")).toContain("frame-ancestors http://127.0.0.1:4600 ");
  });

  it("hands production the library's authenticate object unchanged", () => {
    const library = { admin: async () => ({}) };
    expect(frameableByAdminShell(library, { SILKROUTE_MODE: "production", APP_BRIDGE_URL: "http://127.0.0.1:4600/app-bridge.js" })).toBe(library);
  });
});
