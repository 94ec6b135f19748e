import { connect, type AddressInfo } from "node:net";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { request as httpRequest } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import db from "../../db.server";
import { seedInstalledShop } from "../../test/admin-session";
import { closeServer, listenOnFreePort } from "../../test/http-server";
import { uniqueShop } from "../../test/webhooks";
import { buildRateItem, buildRatePayload, seedVariantMapping, signedRateRequest } from "../shipping/carrier-service/test-builders";
import { clearQuoteCache } from "../shipping/carrier-service/quote-cache";
import { answerRateRequest } from "../shipping/carrier-service/rates.server";
import { writeAfterPoll } from "../event-loop";
import { carrierServiceFastPath } from "./carrier-service-fast-path";
import { createProductionServer, fastPathOf } from "./production-app";
import { pinWallClock, yesterdayAtUtc } from "../../test/wall-clock";

// 10:00 UTC on yesterday's date (a fixed date would age past the retention windows), hours from every sample
// warehouse's cut-off (04:00-07:00 UTC in China, 13:00 Frankfurt,
// 15:00 Birmingham, 21:00 Los Angeles), where delivery dates move: a run across 07:00 UTC compared
// the fast path's answers from before 07:00 with the route's from after.
pinWallClock(yesterdayAtUtc("10:00"));

// The production server's wiring with the real fast path; Remix is a stub that says so, so a request that
// reaches it is visibly not on the fast path. (Building the app here would cost seconds and race `npm run build`.)
const build = { publicPath: "/build/", assetsBuildDirectory: "public/build", entry: { module: { carrierServiceFastPath } } } as unknown as ServerBuild;
let server: Server;
let origin: string;
const shops: string[] = [];

beforeAll(async () => {
  server = createProductionServer(build, { mode: "production", remix: (_req, res) => void res.status(299).send("remix") });
  origin = await listenOnFreePort(server);
});

afterAll(async () => {
  await closeServer(server);
  await db.variantMapping.deleteMany({ where: { shop: { in: shops } } });
});

async function installedShop(label: string) {
  const shop = uniqueShop(label);
  shops.push(shop);
  await seedInstalledShop(shop);
  return shop;
}

/** Sends a Fetch Request (built by the route tests' builders) over real HTTP to the server. */
async function post(request: Request, extraHeaders: Record<string, string> = {}) {
  const headers = Object.fromEntries(request.headers);
  const response = await fetch(`${origin}/carrier-service/rates`, { method: request.method, headers: { ...headers, ...extraHeaders }, body: request.body ? await request.text() : undefined });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Sends the request's headers as raw lines, each name as often as it is listed (fetch would merge repeats), and
 *  resolves with the answer's status and head. */
async function postRaw(request: Request, lines: [string, string][]): Promise<{ status: number; head: string }> {
  const body = await request.clone().text();
  const head = [...request.headers].filter(([name]) => !lines.some(([own]) => own.toLowerCase() === name)).map(([name, value]) => `${name}: ${value}`);
  const text = [`POST /carrier-service/rates HTTP/1.1`, "Host: 127.0.0.1", `Content-Length: ${Buffer.byteLength(body)}`, "Connection: close",
    ...head, ...lines.map(([name, value]) => `${name}: ${value}`), "", body].join("\r\n");
  return new Promise((resolve, reject) => {
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1", () => socket.write(text)); // no half-close: the server answers, then closes (Connection: close)
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("end", () => resolve({ status: Number(answer.slice(9, 12)), head: answer.slice(0, answer.indexOf("\r\n\r\n")).toLowerCase() }));
    socket.on("error", reject);
  });
}

/** Streams `size` bytes without a Content-Length, so only the running count can catch the excess. */
function postChunked(shop: string, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}/carrier-service/rates`, { method: "POST", headers: { "x-shopify-shop-domain": shop, "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    for (let sent = 0; sent < size; sent += 64 * 1024) req.write(Buffer.alloc(64 * 1024, 0x20));
    req.end();
  });
}

describe("production server: CarrierService fast path", () => {
  it("takes the build's exported fast path", () => {
    expect(fastPathOf(build)).toBe(carrierServiceFastPath);
  });

  it("answers a signed request with the same rates the Remix route gives, uncompressed and without reaching Remix", async () => {
    const shop = await installedShop("fast-ok");
    const item = buildRateItem({ grams: 100 });
    await seedVariantMapping(shop, item.variant_id, { weightGrams: 700, flags: "battery" });
    const payload = buildRatePayload({ items: [item] });
    const fast = await post(signedRateRequest(shop, payload), { "accept-encoding": "gzip" });
    expect(fast.status).toBe(200);
    expect(fast.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(fast.headers.get("content-encoding")).toBeNull();
    clearQuoteCache(); // the route must compute its answer, not replay the fast path's
    const route = await answerRateRequest(signedRateRequest(shop, payload));
    expect(JSON.parse(fast.text)).toEqual(await route.json());
    expect(JSON.parse(fast.text).rates.map((r: { service_code: string }) => r.service_code)).not.toContain("SR-POST-ECONOMY");
  });

  it("writes the rate answers already computed this turn before it hands another request on (on SQLite an admin page's queries run in that same turn)", () => {
    const written: string[] = [];
    writeAfterPoll(() => written.push("rate answer"));
    const adminPage = { method: "GET", url: "/app?shop=mine.myshopify.com", headers: {} } as IncomingMessage;
    expect(carrierServiceFastPath(adminPage, {} as ServerResponse)).toBe(false);
    expect(written).toEqual(["rate answer"]);
  });

  it("gives each of the carts that arrive together its own rates, even when one buyer hangs up before the answers are written", async () => {
    const shop = await installedShop("fast-batch");
    const payloads = [100, 900, 2_500, 6_000].map((grams) => buildRatePayload({ items: [buildRateItem({ grams, quantity: 2 })] }));
    const gone = await signedRateRequest(shop, payloads[0]).text();
    // A client that sends a full request among the others and closes at once: its answer is queued with theirs.
    const hungUp = new Promise<void>((resolve) => {
      const socket = connect((server.address() as AddressInfo).port, "127.0.0.1", () => {
        socket.end(`POST /carrier-service/rates HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Shopify-Shop-Domain: ${shop}\r\nContent-Length: ${Buffer.byteLength(gone)}\r\n\r\n${gone}`);
        socket.destroy();
        resolve();
      });
    });
    const [answers] = await Promise.all([Promise.all(payloads.map((payload) => post(signedRateRequest(shop, payload)))), hungUp]);
    clearQuoteCache();
    for (const [i, answer] of answers.entries()) {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual(await (await answerRateRequest(signedRateRequest(shop, payloads[i]))).json());
    }
    const totals = answers.map((a) => JSON.parse(a.text).rates[0]?.total_price);
    expect(new Set(totals).size).toBe(payloads.length); // four weights, four prices: no cart got another's answer
  });

  it("sends nosniff and a referrer policy once on its answers, and HSTS behind TLS", async () => {
    const shop = await installedShop("fast-headers");
    const payload = buildRatePayload({ items: [buildRateItem()] });
    for (const proxied of [false, true]) {
      const answer = await post(signedRateRequest(shop, payload), proxied ? { "x-forwarded-proto": "https" } : {});
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff"); // once: a duplicate would read "nosniff, nosniff"
      expect(answer.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(answer.headers.get("strict-transport-security")).toEqual(proxied ? expect.stringMatching(/max-age=\d+/) : null);
    }
    const refused = await post(signedRateRequest(shop, `{"rate":${" ".repeat(300 * 1024)}}`), { "x-forwarded-proto": "https" });
    expect(refused.status).toBe(413);
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(refused.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("reads its request headers as Node merges them: a repeated shop header is refused (400), a valid signature behind a forged one does not count (401), the first forwarded protocol does", async () => {
    const shop = await installedShop("fast-repeated-headers");
    const payload = buildRatePayload({ items: [buildRateItem()] });
    const request = signedRateRequest(shop, payload);
    const hmac = request.headers.get("x-shopify-hmac-sha256")!;
    expect((await postRaw(request, [["X-Shopify-Shop-Domain", shop]])).status).toBe(200);
    expect((await postRaw(request, [["X-Shopify-Shop-Domain", shop], ["x-shopify-shop-domain", shop]])).status).toBe(400); // "a, a" is no shop domain
    const forged = Buffer.alloc(32, 1).toString("base64");
    expect((await postRaw(request, [["X-Shopify-Hmac-Sha256", forged], ["X-SHOPIFY-HMAC-SHA256", hmac]])).status).toBe(401);
    const proxied = await postRaw(request, [["X-Forwarded-Proto", "https"], ["X-Forwarded-Proto", "http"]]);
    expect(proxied.status).toBe(200);
    expect(proxied.head).toContain("strict-transport-security: max-age=");
    expect((await postRaw(request, [["X-Forwarded-Proto", "http"], ["X-Forwarded-Proto", "https"]])).head).not.toContain("strict-transport-security");
  });

  it("rejects a body that does not match its HMAC with 401", async () => {
    const shop = await installedShop("fast-bad-hmac");
    expect((await post(signedRateRequest(shop, buildRatePayload(), { secret: "not-the-app-secret" }))).status).toBe(401);
  });

  it("refuses an oversized body with 413, whether declared or streamed", async () => {
    const shop = await installedShop("fast-huge");
    const declared = await post(signedRateRequest(shop, `{"rate":${" ".repeat(300 * 1024)}}`));
    expect(declared.status).toBe(413);
    expect(await postChunked(shop, 512 * 1024)).toBe(413);
  });

  it("answers malformed JSON and an invalid payload with 400 and the failing path", async () => {
    const shop = await installedShop("fast-malformed");
    const notJson = await post(signedRateRequest(shop, "{not json"));
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text).error).toContain("not valid JSON");
    const badQuantity = await post(signedRateRequest(shop, buildRatePayload({ items: [buildRateItem({ quantity: -1 })] })));
    expect(badQuantity.status).toBe(400);
    expect(JSON.parse(badQuantity.text).error).toContain("rate.items.0.quantity");
  });

  it("rejects a shop that has not installed Silkroute with 401 and a missing shop header with 400", async () => {
    expect((await post(signedRateRequest(uniqueShop("fast-never-installed"), buildRatePayload()))).status).toBe(401);
    expect((await post(signedRateRequest("", buildRatePayload()))).status).toBe(400);
  });

  it("leaves other methods and paths to Remix", async () => {
    expect((await fetch(`${origin}/carrier-service/rates`)).status).toBe(299);
    expect((await fetch(`${origin}/carrier-service/rates-extra`, { method: "POST", body: "{}" })).status).toBe(299);
    expect((await fetch(`${origin}/app`)).status).toBe(299);
  });
});
