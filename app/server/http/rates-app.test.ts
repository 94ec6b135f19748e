import type { Server } from "node:http";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { seedInstalledShop } from "../../test/admin-session";
import { closeServer, listenOnFreePort } from "../../test/http-server";
import { uniqueShop } from "../../test/webhooks";
import { buildRateItem, buildRatePayload, seedVariantMapping, signedRateRequest } from "../shipping/carrier-service/test-builders";
import { clearQuoteCache } from "../shipping/carrier-service/quote-cache";
import { answerRateRequest } from "../shipping/carrier-service/rates.server";
import { createRatesServer } from "./rates-app";
import { pinWallClock, yesterdayAtUtc } from "../../test/wall-clock";

// 10:00 UTC on yesterday's date (a fixed date would age past the retention windows), hours from every sample
// warehouse's cut-off (04:00-07:00 UTC in China, 13:00 Frankfurt,
// 15:00 Birmingham, 21:00 Los Angeles), where delivery dates move: a run across 07:00 UTC compared
// this server's answer from before 07:00 with the route's from after.
pinWallClock(yesterdayAtUtc("10:00"));

let server: Server;
let origin: string;
const shops: string[] = [];

beforeAll(async () => {
  server = createRatesServer();
  origin = await listenOnFreePort(server);
});

afterAll(async () => {
  await closeServer(server);
  await db.variantMapping.deleteMany({ where: { shop: { in: shops } } });
});

async function send(path: string, request: Request | null, method = request?.method ?? "GET") {
  const response = await fetch(`${origin}${path}`, {
    method, headers: request ? Object.fromEntries(request.headers) : {}, body: request && method === "POST" ? await request.text() : undefined,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe("checkout-rates role: a server for the CarrierService callback alone", () => {
  it("answers a signed rate request with the rates the Remix route gives for the same cart", async () => {
    const shop = uniqueShop("rates-role");
    shops.push(shop);
    await seedInstalledShop(shop);
    const item = buildRateItem({ grams: 100 });
    await seedVariantMapping(shop, item.variant_id, { weightGrams: 700 });
    const payload = buildRatePayload({ items: [item] });
    const answer = await send("/carrier-service/rates", signedRateRequest(shop, payload));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    const rates = JSON.parse(answer.text).rates as { service_code: string; total_price: string }[];
    expect(rates.length).toBeGreaterThan(0);
    clearQuoteCache(); // the route must compute its answer, not replay this one
    expect(JSON.parse(answer.text)).toEqual(await (await answerRateRequest(signedRateRequest(shop, payload))).json());
  });

  it("refuses an unsigned or wrongly signed callback as the web process does", async () => {
    const shop = uniqueShop("rates-role-forged");
    await seedInstalledShop(shop);
    const payload = buildRatePayload({ items: [buildRateItem()] });
    const forged = await send("/carrier-service/rates", signedRateRequest(shop, payload, { secret: "not-the-app-secret" }));
    expect(forged.status).toBe(401);
  });

  it("serves nothing else: other methods on the callback's path are 405, other paths 404, each closing the connection", async () => {
    const onPath = await send("/carrier-service/rates", null, "GET");
    expect(onPath.status).toBe(405);
    expect(onPath.headers.get("allow")).toBe("POST");
    for (const path of ["/", "/app", "/webhooks/orders/create", "/auth/login", "/build/manifest.js"]) {
      const other = await send(path, null, path.startsWith("/webhooks") ? "POST" : "GET");
      expect(other.status, path).toBe(404);
      expect(other.headers.get("connection")).toBe("close");
      expect(other.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("bundles without Remix, Express, React or Polaris, which is what keeps the process small", async () => {
    const bundled = await build({
      entryPoints: [path.join(import.meta.dirname, "rates-server.ts")], bundle: true, platform: "node", format: "esm", packages: "external",
      write: false, metafile: true, logLevel: "silent", tsconfig: path.join(import.meta.dirname, "../../../tsconfig.json"),
    });
    const packages = new Set(Object.values(bundled.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path)));
    expect(packages.size).toBeGreaterThan(0);
    for (const heavy of ["@remix-run/node", "@remix-run/react", "@remix-run/express", "express", "react", "react-dom", "react-dom/server", "@shopify/polaris", "@shopify/shopify-app-remix/server"]) {
      expect([...packages], heavy).not.toContain(heavy);
    }
    expect(Object.keys(bundled.metafile.inputs).some((file) => file.includes("app/routes/"))).toBe(false);
  });
});
