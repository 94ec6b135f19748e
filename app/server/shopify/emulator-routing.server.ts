// Only the emulator's pure URL rewriter is linked into the server bundle; it stays inert in production.
import { createShopifyFetch } from "../../emulator/shopify-fetch";

type Env = Record<string, string | undefined>;

const ROUTED = Symbol.for("silkroute.shopifyEmulatorRouting");

/** The emulator URL to send Shopify traffic to, or undefined: only demo/test mode with SHOPIFY_EMULATOR_URL set. */
export function shopifyEmulatorUrl(env: Env = process.env): string | undefined {
  const mode = env.SILKROUTE_MODE ?? "production";
  if (mode !== "demo" && mode !== "test") return undefined;
  return env.SHOPIFY_EMULATOR_URL || undefined;
}

/**
 * Wraps `target.fetch` so `https://<shop>.myshopify.com/admin/...` reaches the emulator. Every Shopify call
 * (shopify-api through setAbstractFetchFunc, our graphql-request Admin client) looks fetch up per call, so this
 * one wrap reroutes them all. Returns whether routing is on; idempotent, so a re-imported module cannot stack it.
 *
 * remix-serve imports the build and only then installs its own global fetch, so a plain wrap would be thrown
 * away: `fetch` becomes an accessor whose setter swaps the base the routing delegates to, never the routing.
 * (Don't combine with msw in one process: msw would wrap the routing and the routing msw. Tests use
 * app/test/emulator.ts instead.)
 */
export function routeShopifyTrafficToEmulator(env: Env = process.env, target: { fetch: typeof fetch } = globalThis): boolean {
  const url = shopifyEmulatorUrl(env);
  if (!url) return false;
  const marked = target as { [ROUTED]?: string };
  if (marked[ROUTED] === url) return true;
  let base = target.fetch;
  const routed = createShopifyFetch(url, (input, init) => base(input, init));
  Object.defineProperty(target, "fetch", {
    configurable: true,
    enumerable: true,
    get: () => routed,
    set: (next: typeof fetch) => {
      if (next !== routed) base = next;
    },
  });
  Object.defineProperty(target, ROUTED, { value: url, configurable: true });
  return true;
}

/**
 * Shopify-admin framing for the local admin shell. The library's CSP only lets https://<shop> and
 * admin.shopify.com frame the app, so a browser would refuse the shell's iframe; in demo/test mode the origin
 * that serves the App Bridge stand-in (the shell) is allowed too, and the CDN preload hint points at the stand-in.
 */
export function allowAdminShellFraming(headers: Headers, config: { SILKROUTE_MODE: string; APP_BRIDGE_URL?: string }): void {
  if (config.SILKROUTE_MODE === "production" || !config.APP_BRIDGE_URL) return;
  const shellOrigin = new URL(config.APP_BRIDGE_URL).origin;
  const csp = headers.get("Content-Security-Policy");
  if (csp?.includes("frame-ancestors") && !csp.includes(shellOrigin)) {
    headers.set("Content-Security-Policy", csp.replace("frame-ancestors", `frame-ancestors ${shellOrigin}`));
  }
  if (headers.get("Link")?.includes("cdn.shopify.com/shopifycloud/app-bridge.js")) {
    headers.set("Link", `<${config.APP_BRIDGE_URL}>; rel="preload"; as="script";`);
  }
}

/**
 * The session-token bounce page and exit-iframe page are Responses that authenticate.admin throws with the
 * library's own CSP, bypassing entry.server; in demo/test mode they get the shell framing too. Production gets
 * the library's object back untouched.
 */
export function frameableByAdminShell<T extends { admin: (request: Request) => Promise<unknown> }>(
  authenticate: T,
  config: { SILKROUTE_MODE: string; APP_BRIDGE_URL?: string },
): T {
  if (config.SILKROUTE_MODE === "production" || !config.APP_BRIDGE_URL) return authenticate;
  const admin = authenticate.admin;
  const framed = async (request: Request) => {
    try {
      return await admin(request);
    } catch (thrown) {
      if (thrown instanceof Response && thrown.headers.has("Content-Security-Policy")) allowAdminShellFraming(thrown.headers, config);
      throw thrown;
    }
  };
  return { ...authenticate, admin: framed } as T;
}
