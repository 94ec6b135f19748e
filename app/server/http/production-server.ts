/**
 * `npm start`: the production web process. Replaces `remix-serve` (same behaviour: PORT, HOST, NODE_ENV
 * defaulting to production, Remix's globals installed after the build is imported) and adds the
 * CarrierService fast path (docs/adr/0700-carrier-service-callback.md).
 * Usage: node build/server.js [build/index.js] (`npm run build` bundles this file there with esbuild, so the process
 * runs plain JavaScript: tsx's loader cost ~40 MB of RSS, ADR 0720 "Tenth round")
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { loadConfig } from "../config";
import { createProductionServer, fastPathOf } from "./production-app";

process.env.NODE_ENV ??= "production";
process.setSourceMapsEnabled(true);
const config = loadConfig(); // refuses to start a misconfigured production process before the build is even imported
const mb = (bytes: number) => Math.round(bytes / 1_048_576);
// The heap limit can only be set when node starts (npm start does); say so when it was not. The limit V8 reports adds
// the young generation (3 × 16 MB with npm start's --max-semi-space-size=16) to the old space.
const heapLimitMb = mb(v8.getHeapStatistics().heap_size_limit);
if (heapLimitMb > config.SILKROUTE_HEAP_MB + 256) {
  console.warn(`[server] V8 heap limit is ${heapLimitMb} MB, not SILKROUTE_HEAP_MB=${config.SILKROUTE_HEAP_MB}: start with npm start or pass --max-old-space-size`);
}
if (config.SILKROUTE_MEMORY_LOG_SECONDS > 0) {
  setInterval(() => {
    const m = process.memoryUsage();
    console.log(`[memory] rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, array buffers ${mb(m.arrayBuffers)} MB, other external ${mb(m.external - m.arrayBuffers)} MB`);
  }, config.SILKROUTE_MEMORY_LOG_SECONDS * 1000).unref();
}

const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
// Same order as remix-serve: the demo's Shopify routing relies on globals being installed after the build loads.
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const port = process.env.PORT ? Number(process.env.PORT) : 3000; // PORT=0: any free port (tests, benchmarks)
const host = process.env.HOST;
const server = createProductionServer(build, { mode: process.env.NODE_ENV });
if (!fastPathOf(build)) console.warn("[server] this build has no carrierServiceFastPath export; the callback goes through Remix");

const onListen = () => console.log(`[server] http://${host ?? "localhost"}:${(server.address() as AddressInfo).port} (${process.env.NODE_ENV})`);
if (host) server.listen(port, host, onListen);
else server.listen(port, onListen);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close((error) => error && console.error(error));
    server.closeIdleConnections();
  });
}
