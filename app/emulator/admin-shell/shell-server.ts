import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Emulator } from "../emulator";
import { ADMIN_LOCALE_COOKIE, adminLocale, embeddedAppUrl, shopFromHandle, shopHandle } from "./embedded-url";
import { handleShellApi } from "./shell-api";
import { shellPage } from "./shell-page";
import { CHARGE_PATH, chargePage, decideCharge, type ChargeReply } from "./charge-page";
import { setAdminUrl } from "../domains/app-subscriptions";
import { extensionHostScript, HOST_SCRIPT_PATH, RESOURCE_PATH, resourcePage } from "./extension-page";
import { signAppProxyQuery } from "./app-proxy";
import { PREVIEW_COUNTRIES, STOREFRONT_PROXY_PATH, THEME_ASSET_PATH, themeAsset } from "./storefront-preview";

export interface AdminShellOptions {
  emulator: Emulator;
  /** Where the app answers (its SHOPIFY_APP_URL). */
  appUrl: string;
  appName?: string;
  /** The app's handle in admin URLs: /store/<shop>/apps/<handle>. */
  appHandle?: string;
  /** Shop that `/` opens. */
  defaultShop?: string;
}

export interface AdminShell {
  readonly url: string;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** The admin URL that opens the app for a shop, optionally at an app path ("/app/orders"). */
  appAdminUrl(shop: string, appPath?: string): string;
}

const ASSETS: Record<string, [file: string, type: string]> = {
  "/app-bridge.js": ["app-bridge.js", "text/javascript; charset=utf-8"],
  "/assets/shell.js": ["shell.js", "text/javascript; charset=utf-8"],
  "/assets/shell.css": ["shell.css", "text/css; charset=utf-8"],
};
const ADMIN_PATH = /^\/store\/([^/]+)\/apps\/([^/]+)(\/.*)?$/;
const API_PATH = /^\/api\/shops\/([^/]+)(?:\/(.*))?$/;

/**
 * The local Shopify admin: a page that embeds the app as admin.shopify.com does, the App Bridge stand-in the
 * app loads from here, and the test-store panels' JSON API. Runs in the emulator's process.
 */
export function createAdminShell(options: AdminShellOptions): AdminShell {
  const { emulator } = options;
  const appName = options.appName ?? "Silkroute";
  const appHandle = options.appHandle ?? "silkroute";
  let baseUrl = "http://127.0.0.1:0";
  let server: Server | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://shell.local");
    const method = req.method ?? "GET";
    const asset = ASSETS[url.pathname];
    if (asset && method === "GET") {
      // Read per request so edits to the browser code show on reload.
      const text = await readFile(new URL(`./assets/${asset[0]}`, import.meta.url), "utf8");
      return send(res, 200, text, { "Content-Type": asset[1], "Cache-Control": "no-store" });
    }
    if (url.pathname === HOST_SCRIPT_PATH && method === "GET") {
      return send(res, 200, await extensionHostScript(), { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" });
    }
    const theme = THEME_ASSET_PATH.exec(url.pathname);
    if (theme && method === "GET") {
      return send(res, 200, themeAsset(theme[2]!), { "Content-Type": theme[2]!.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8", "Cache-Control": "no-store" });
    }
    const proxied = STOREFRONT_PROXY_PATH.exec(url.pathname);
    if (proxied && method === "GET") {
      // The storefront's app proxy: /apps/silkroute/<path> forwarded, signed, to <app>/proxy/<path> (shopify.app.toml).
      const shop = shopFromHandle(decodeURIComponent(proxied[1]!));
      if (!emulator.core.shops.has(shop)) return send(res, 404, `No store ${shop} in the emulator`, { "Content-Type": "text/plain" });
      const target = new URL(`/proxy${proxied[2]}`, options.appUrl);
      target.search = signAppProxyQuery(url.searchParams, { shop, secret: emulator.core.apiSecret, pathPrefix: "/apps/silkroute", timestamp: emulator.core.clock.now() }).toString();
      const answer = await fetch(target, { headers: { Accept: req.headers.accept ?? "*/*" } });
      return send(res, answer.status, await answer.text(), { "Content-Type": answer.headers.get("Content-Type") ?? "text/plain", "Cache-Control": "no-store" });
    }
    if (url.pathname === "/health") return sendJson(res, 200, { ok: true });
    if (url.pathname === "/" && options.defaultShop) return send(res, 302, "", { Location: `/store/${shopHandle(options.defaultShop)}/apps/${appHandle}` });
    const admin = ADMIN_PATH.exec(url.pathname);
    if (admin && method === "GET") {
      const shop = shopFromHandle(decodeURIComponent(admin[1]!));
      if (!emulator.core.shops.has(shop)) return send(res, 404, `No store ${shop} in the emulator`, { "Content-Type": "text/plain" });
      // The language is the staff member's, not the URL's: `?locale=` switches it and it sticks (as the admin's
      // profile setting does) until switched again.
      const locale = adminLocale(url.searchParams, req.headers.cookie);
      const appParams = new URLSearchParams(url.searchParams);
      appParams.delete("locale");
      const iframeSrc = embeddedAppUrl(emulator, options.appUrl, shop, admin[3] ?? "/", appParams, locale);
      return send(res, 200, shellPage(emulator, { shop, appName, appHandle, appOrigin: new URL(options.appUrl).origin, iframeSrc, locale }), {
        "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
        "Set-Cookie": `${ADMIN_LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; SameSite=Lax`,
      });
    }
    const resource = RESOURCE_PATH.exec(url.pathname);
    if (resource && method === "GET") {
      const shop = shopFromHandle(decodeURIComponent(resource[1]!));
      if (!emulator.core.shops.has(shop)) return send(res, 404, `No store ${shop} in the emulator`, { "Content-Type": "text/plain" });
      const html = resourcePage(emulator, {
        shop, kind: resource[2] as "orders" | "products", numericId: resource[3]!, appName, appHandle,
        appOrigin: new URL(options.appUrl).origin, locale: url.searchParams.get("locale") === "zh-CN" ? "zh-CN" : "en",
        country: PREVIEW_COUNTRIES.find((c) => c === url.searchParams.get("country")) ?? "DE",
      });
      if (!html) return send(res, 404, `No ${resource[2]} ${resource[3]} in ${shop}`, { "Content-Type": "text/plain" });
      return send(res, 200, html, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    }
    const charge = CHARGE_PATH.exec(url.pathname);
    if (charge) {
      const shop = shopFromHandle(decodeURIComponent(charge[1]!));
      if (!emulator.core.shops.has(shop)) return send(res, 404, `No store ${shop} in the emulator`, { "Content-Type": "text/plain" });
      const reply: ChargeReply = method === "POST"
        ? decideCharge(emulator, shop, charge[2]!, new URLSearchParams(await readBody(req)).get("decision") ?? "")
        : chargePage(emulator, shop, charge[2]!, appName);
      return reply.location ? send(res, reply.status, "", { Location: reply.location }) : send(res, reply.status, reply.html ?? "", { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    }
    const api = API_PATH.exec(url.pathname);
    if (api) {
      const body = method === "POST" ? await readBody(req) : "";
      const reply = await handleShellApi(emulator, decodeURIComponent(api[1]!), method, api[2] ?? "", () => (body ? JSON.parse(body) : {}));
      return sendJson(res, reply.status, reply.body);
    }
    return send(res, 404, "Not Found", { "Content-Type": "text/plain" });
  }

  return {
    get url() { return baseUrl; },
    async listen(port = 0, host = "127.0.0.1") {
      server = createServer((req, res) => {
        handle(req, res).catch((error: Error) => sendJson(res, 400, { errors: [{ message: error.message }] }));
      });
      await new Promise<void>((resolve, reject) => { server!.once("error", reject); server!.listen(port, host, resolve); });
      baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
      setAdminUrl(emulator.core, baseUrl); // confirmationUrls now point at this admin's approval page
      return baseUrl;
    },
    async close() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    appAdminUrl: (shop, appPath = "") => `${baseUrl}/store/${shopHandle(shop)}/apps/${appHandle}${appPath}`,
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...headers, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), { "Content-Type": "application/json; charset=utf-8" });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
