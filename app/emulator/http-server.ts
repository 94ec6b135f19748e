import type { IncomingMessage, ServerResponse } from "node:http";
import type { Core } from "./context";
import type { TokenStore } from "./auth/tokens";
import type { Controls } from "./controls";
import { markInstalled } from "./controls";
import { tokenEndpoint } from "./auth/token-endpoint";
import { handleGraphql } from "./graphql-endpoint";
import { handleControlRoute } from "./http-controls";

export interface RouteDeps { core: Core; tokens: TokenStore; controls: Controls; scopes: string[] }

const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * The shop comes from a `/shops/<shop>` path prefix (what createShopifyFetch produces), else from the
 * X-Shopify-Shop-Domain header, else from a `<shop>.myshopify.com` Host header.
 */
function shopAndPath(req: IncomingMessage): { shop?: string; path: string; search: URLSearchParams } {
  const url = new URL(req.url ?? "/", "http://emulator");
  const prefixed = /^\/shops\/([^/]+)(\/.*)$/.exec(url.pathname);
  if (prefixed) return { shop: decodeURIComponent(prefixed[1]!), path: prefixed[2]!, search: url.searchParams };
  const header = req.headers["x-shopify-shop-domain"];
  const host = (req.headers.host ?? "").replace(/:\d+$/, "");
  const shop = typeof header === "string" ? header : host.endsWith(".myshopify.com") ? host : undefined;
  return { shop, path: url.pathname, search: url.searchParams };
}

export async function routeRequest(deps: RouteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const { shop, path, search } = shopAndPath(req);
    const body = await readBody(req);
    if (path.startsWith("/_emulator/")) return await handleControlRoute(deps, req, res, path, search, body);
    const state = shop ? deps.core.shops.get(shop) : undefined;
    if (req.method === "POST" && path === "/admin/oauth/access_token") {
      const params = parseParams(req, body);
      const reply = tokenEndpoint({
        apiKey: deps.core.apiKey, apiSecret: deps.core.apiSecret, clock: deps.core.clock, tokens: deps.tokens,
        scopes: () => deps.scopes, onInstall: (s) => markInstalled(s, deps.scopes),
      }, state, shop ?? "", params);
      return sendJson(res, reply.status, reply.body);
    }
    if (GRAPHQL_PATH.test(path)) {
      if (req.method !== "POST") return sendJson(res, 405, { errors: "Method Not Allowed" });
      if (!state) return sendJson(res, 404, { errors: "Not Found" });
      const token = req.headers["x-shopify-access-token"];
      if (!deps.tokens.check(typeof token === "string" ? token : undefined, state.domain) || !state.installed) return sendJson(res, 401, INVALID_TOKEN);
      let parsed: Record<string, unknown>;
      try {
        parsed = parseGraphqlBody(req, body);
      } catch {
        return sendJson(res, 400, { errors: [{ message: "Invalid JSON in request body" }] });
      }
      const reply = await handleGraphql({ core: deps.core, shop: state }, parsed);
      return sendJson(res, reply.status, reply.body, { "X-Shopify-API-Version": "2026-10" });
    }
    sendJson(res, 404, { errors: "Not Found" });
  } catch (error) {
    sendJson(res, 500, { errors: [{ message: (error as Error).message }] });
  }
}

function parseParams(req: IncomingMessage, body: Buffer): Record<string, string> {
  const text = body.toString("utf8");
  if (String(req.headers["content-type"] ?? "").includes("application/json")) {
    const json = JSON.parse(text || "{}") as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function parseGraphqlBody(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const type = String(req.headers["content-type"] ?? "");
  if (type.includes("application/graphql")) return { query: body.toString("utf8") };
  return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
}
