/**
 * `npm start`: the production web process. Replaces `remix-serve` (same behaviour: PORT, HOST, NODE_ENV
 * defaulting to production, Remix's globals installed after the build is imported) and adds the
 * CarrierService fast path (docs/adr/0700-carrier-service-callback.md).
 * Usage: node build/server.js [build/index.js] (`npm run build` bundles this file there with esbuild, so the process
 * runs plain JavaScript: tsx cost its process tree 67 MB at start, ADR 0720 "Tenth round")
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { loadConfig } from "../config";
import { createProductionServer, fastPathOf, warmUpOf } from "./production-app";
import { listenUntilStopped, warmUp, watchMemory } from "./web-process";

process.env.NODE_ENV ??= "production";
process.setSourceMapsEnabled(true);
const config = loadConfig(); // refuses to start a misconfigured production process before the build is even imported
watchMemory(config, "npm start");

const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
// Same order as remix-serve: the demo's Shopify routing relies on globals being installed after the build loads.
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const server = createProductionServer(build, { mode: process.env.NODE_ENV });
if (!fastPathOf(build)) console.warn("[server] this build has no carrierServiceFastPath export; the callback goes through Remix");
await warmUp(warmUpOf(build));
listenUntilStopped(server, "web");
