/**
 * What `remix-serve` serves (compression, /build assets cached as immutable, public/ for an hour, Remix for
 * everything else), plus the CarrierService fast path in front of all of it. The fast path comes from the
 * server build itself (entry.server's `carrierServiceFastPath`), so it runs in the build's module graph.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { bodyLimitForPath } from "./body-limits";
import { applySecurityHeaders } from "./security-headers";

export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface ProductionAppOptions {
  readonly mode: string;
  /** Replaces the Remix handler (tests); the fast path and static files stay as in production. */
  readonly remix?: express.RequestHandler;
}

/** The build's fast path, or none (a build from before it existed still serves the callback through Remix). */
export function fastPathOf(build: ServerBuild): FastPath | null {
  const candidate = (build.entry.module as { carrierServiceFastPath?: unknown }).carrierServiceFastPath;
  return typeof candidate === "function" ? (candidate as FastPath) : null;
}

/** The build's warm-up before checkouts (entry.server's `warmCheckoutRates`), or none in a build from before it. */
export function warmUpOf(build: ServerBuild): (() => Promise<unknown>) | null {
  const candidate = (build.entry.module as { warmCheckoutRates?: unknown }).warmCheckoutRates;
  return typeof candidate === "function" ? (candidate as () => Promise<unknown>) : null;
}

export function createExpressApp(build: ServerBuild, options: ProductionAppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", options.remix ?? createRequestHandler({ build, mode: options.mode }));
  return app;
}

/**
 * A public POST (webhooks, fulfillment notification) that declares a body over its limit is answered 413 here,
 * before Express or Remix touch it; the connection is closed rather than drained. The routes count the streamed
 * bytes against the same limits (a chunked body declares nothing).
 */
export function refuseDeclaredOversize(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  const end = url.indexOf("?");
  const limit = bodyLimitForPath(end < 0 ? url : url.slice(0, end));
  if (limit === null || !(Number(req.headers["content-length"] ?? NaN) > limit)) return false;
  const body = `Request bodies here are limited to ${limit} bytes`;
  res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body), Connection: "close" }).end(body);
  return true;
}

/**
 * node:http listener: the fast path (which sends the security headers in its precomputed heads), else security
 * headers, the declared-size guard (not the callback's paths), then Express (and Remix).
 */
export function createProductionListener(build: ServerBuild, options: ProductionAppOptions, fastPath = fastPathOf(build)): RequestListener {
  const app = createExpressApp(build, options);
  return (req, res) => {
    if (fastPath?.(req, res)) return;
    applySecurityHeaders(req, res);
    if (refuseDeclaredOversize(req, res)) return;
    app(req, res);
  };
}

export function createProductionServer(build: ServerBuild, options: ProductionAppOptions, fastPath = fastPathOf(build)): Server {
  return createServer(createProductionListener(build, options, fastPath));
}
