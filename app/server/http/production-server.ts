/**
 * `npm start`: the production web process. Replaces `remix-serve` (same behaviour: PORT, HOST, NODE_ENV
 * defaulting to production, Remix's globals installed after the build is imported) and adds the
 * CarrierService fast path (docs/adr/0700-carrier-service-callback.md).
 * Usage: tsx app/server/http/production-server.ts [build/index.js]
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { loadConfig } from "../config";
import { createProductionServer, fastPathOf } from "./production-app";

process.env.NODE_ENV ??= "production";
process.setSourceMapsEnabled(true);
loadConfig(); // refuses to start a misconfigured production process before the build is even imported

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
