import type { IncomingMessage, ServerResponse } from "node:http";
import type { Core } from "./context";
import type { TokenStore } from "./auth/tokens";
import type { Controls } from "./controls";
import { markInstalled } from "./controls";
import { tokenEndpoint } from "./auth/token-endpoint";
import { handleGraphql } from "./graphql-endpoint";
import { handleControlRoute } from "./http-controls";

export interface RouteDeps { core: Core; tokens: TokenStore; controls: Controls; scopes: string[] }

/** Transport-neutral request/response so node:http, in-process fetch and msw all share one router. */
export interface EmuRequest { method: string; url: URL; headers: Record<string, string | undefined>; body: Buffer }
export interface EmuResponse { status: number; headers: Record<string, string>; body: string }

const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;
const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(body) };
}

/**
 * The shop comes from a `/shops/<shop>` path prefix (what createShopifyFetch produces), else from the
 * X-Shopify-Shop-Domain header, else from a `<shop>.myshopify.com` Host (or URL host).
 */
function shopAndPath(req: EmuRequest): { shop?: string; path: string } {
  const prefixed = /^\/shops\/([^/]+)(\/.*)$/.exec(req.url.pathname);
  if (prefixed) return { shop: decodeURIComponent(prefixed[1]!), path: prefixed[2]! };
  const header = req.headers["x-shopify-shop-domain"];
  const host = (req.headers.host ?? req.url.host).replace(/:\d+$/, "");
  return { shop: header ?? (host.endsWith(".myshopify.com") ? host : undefined), path: req.url.pathname };
}

export async function dispatch(deps: RouteDeps, req: EmuRequest): Promise<EmuResponse> {
  try {
    const { shop, path } = shopAndPath(req);
    if (path.startsWith("/_emulator/")) return await handleControlRoute(deps, req, path);
    const state = shop ? deps.core.shops.get(shop) : undefined;
    if (req.method === "POST" && path === "/admin/oauth/access_token") {
      const reply = tokenEndpoint({
        apiKey: deps.core.apiKey, apiSecret: deps.core.apiSecret, clock: deps.core.clock, tokens: deps.tokens,
        scopes: () => deps.scopes, onInstall: (s) => markInstalled(s, deps.scopes),
      }, state, shop ?? "", parseParams(req));
      return json(reply.status, reply.body);
    }
    if (GRAPHQL_PATH.test(path)) {
      if (req.method !== "POST") return json(405, { errors: "Method Not Allowed" });
      if (!state) return json(404, { errors: "Not Found" });
      if (!deps.tokens.check(req.headers["x-shopify-access-token"], state.domain) || !state.installed) return json(401, INVALID_TOKEN);
      let parsed: Record<string, unknown>;
      try {
        parsed = parseGraphqlBody(req);
      } catch {
        return json(400, { errors: [{ message: "Invalid JSON in request body" }] });
      }
      const reply = await handleGraphql({ core: deps.core, shop: state }, parsed);
      return json(reply.status, reply.body, { "X-Shopify-API-Version": "2026-10" });
    }
    return json(404, { errors: "Not Found" });
  } catch (error) {
    return json(500, { errors: [{ message: (error as Error).message }] });
  }
}

function parseParams(req: EmuRequest): Record<string, string> {
  const text = req.body.toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json")) {
    const body = JSON.parse(text || "{}") as Record<string, unknown>;
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

function parseGraphqlBody(req: EmuRequest): Record<string, unknown> {
  if ((req.headers["content-type"] ?? "").includes("application/graphql")) return { query: req.body.toString("utf8") };
  return JSON.parse(req.body.toString("utf8")) as Record<string, unknown>;
}

export async function nodeHandler(deps: RouteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
  const reply = await dispatch(deps, { method: req.method ?? "GET", url: new URL(req.url ?? "/", `http://${req.headers.host ?? "emulator"}`), headers, body: Buffer.concat(chunks) });
  res.writeHead(reply.status, { ...reply.headers, "Content-Length": Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

export async function fetchHandler(deps: RouteDeps, request: Request): Promise<Response> {
  const headers: Record<string, string | undefined> = {};
  request.headers.forEach((v, k) => { headers[k] = v; });
  const body = ["GET", "HEAD"].includes(request.method) ? Buffer.alloc(0) : Buffer.from(await request.arrayBuffer());
  const reply = await dispatch(deps, { method: request.method, url: new URL(request.url), headers, body });
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
