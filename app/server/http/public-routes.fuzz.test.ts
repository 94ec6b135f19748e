/**
 * Property-based fuzz of every inbound public route (issue #10): Shopify's documented payloads
 * (app/test/fuzz/documented-payloads.ts), mutated in structure, types, sizes, unicode and prototype keys, correctly
 * signed so they reach the handlers, plus header mutations (shop domain, topic, ids, signature, method). The property:
 * the route answers (never throws) and never with a 5xx, which Shopify would retry eight times and then unsubscribe.
 * Handlers run in-process (the transport is covered by public-routes.http.test.ts) to keep CI time small.
 * Two tiers per route, because a case that reaches a handler costs database writes (5-25 ms here):
 *  - FUZZ_RUNS (default 10,000; 1,000 in CI's PostgreSQL pass) cases per route whose headers, signature or method are mutated (and whose bodies are
 *    mutated too): each must be refused with a 4xx before any handler or database work. The rate callback has no
 *    database work once warm, so all its FUZZ_RUNS cases are full requests.
 *  - FUZZ_HANDLER_RUNS (default 100) cases per webhook route with correct headers and a signed, mutated documented
 *    payload, run through the handler against the real database: never a 5xx, never a throw.
 * The longer run (README "Security"): FUZZ_RUNS=100000 FUZZ_HANDLER_RUNS=10000. FUZZ_SEED replays a failure.
 */
import crypto from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import db from "../../db.server";
import { seedInstalledShop } from "../../test/admin-session";
import { documentedFulfillmentNotification, documentedRateRequest, documentedWebhookPayloads } from "../../test/fuzz/documented-payloads";
import { bodyMutation, headerMutation, mutatedBody, setHeader, type BodyMutation, type HeaderMutation } from "../../test/fuzz/mutations";
import { uniqueShop } from "../../test/webhooks";
import { answerFulfillmentOrderNotification } from "../fulfillment/notification.server";
import { answerRawRateRequest } from "../shipping/carrier-service/rates.server";

// CI runs every test file on SQLite and again on PostgreSQL; the full count runs once (SQLite), the second pass
// (same handlers, other SQL dialect) a tenth of it.
const ON_POSTGRES = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const RUNS = Number(process.env.FUZZ_RUNS ?? (ON_POSTGRES ? 1_000 : 10_000));
const HANDLER_RUNS = Number(process.env.FUZZ_HANDLER_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const SECRET = process.env.SHOPIFY_API_SECRET!;
const sign = (body: string) => crypto.createHmac("sha256", SECRET).update(body, "utf8").digest("base64");
const ROUTE_MODULES = import.meta.glob<{ action: (args: { request: Request; params: object; context: object }) => Promise<Response> }>("../../routes/webhooks.*.tsx");

const shop = uniqueShop("fuzz");
const timings: Record<string, { cases: number; ms: number }> = {};

beforeAll(async () => {
  await seedInstalledShop(shop);
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // refusals are logged by design
});

afterAll(async () => {
  vi.restoreAllMocks();
  console.log(`[fuzz] cases and seconds per route: ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, `${v.cases} in ${(v.ms / 1000).toFixed(1)} s`])))}`);
  await db.job.deleteMany({ where: { shop } });
  await db.webhookDelivery.deleteMany({ where: { shop } });
});

/** Runs the property and records how many cases ran and how long they took. */
async function fuzz<A, B>(route: string, a: fc.Arbitrary<A>, b: fc.Arbitrary<B>, run: (a: A, b: B) => Promise<number>, runs = RUNS, accept = (status: number) => status >= 200 && status < 500) {
  let cases = 0;
  const started = performance.now();
  await fc.assert(fc.asyncProperty(a, b, async (x, y) => {
    cases++;
    return accept(await run(x, y));
  }), { numRuns: runs, seed: SEED, endOnFailure: true });
  timings[route] = { cases: (timings[route]?.cases ?? 0) + cases, ms: (timings[route]?.ms ?? 0) + performance.now() - started };
  expect(cases).toBe(runs);
}

function webhookRequest(topic: string, body: string, header: HeaderMutation): Request {
  const headers = new Headers({
    "content-type": "application/json", "x-shopify-topic": topic, "x-shopify-shop-domain": shop, "x-shopify-webhook-id": crypto.randomUUID(),
    "x-shopify-api-version": "2026-10", "x-shopify-event-id": crypto.randomUUID(), "x-shopify-hmac-sha256": sign(body),
  });
  if (header.kind === "shop") setHeader(headers, "x-shopify-shop-domain", header.value);
  if (header.kind === "topic") setHeader(headers, "x-shopify-topic", header.value);
  if (header.kind === "no-webhook-id") setHeader(headers, "x-shopify-webhook-id", null);
  if (header.kind === "bad-hmac") setHeader(headers, "x-shopify-hmac-sha256", header.value);
  if (header.kind === "no-hmac") setHeader(headers, "x-shopify-hmac-sha256", null);
  const method = header.kind === "method" ? header.value : "POST";
  return new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/${topic}`, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : body });
}

const mutatedHeaders = headerMutation.filter((h) => h.kind !== "none");
const isRefusal = (status: number) => status >= 400 && status < 500;

describe(`fuzz: signed, mutated documented payloads (${RUNS} header/signature cases and ${HANDLER_RUNS} handler cases per route)`, () => {
  const payloads = documentedWebhookPayloads(shop);
  for (const topic of Object.keys(payloads)) {
    const actionOf = async () => {
      const file = Object.keys(ROUTE_MODULES).find((f) => f.endsWith(`/webhooks.${topic.replace("/", ".")}.tsx`))!;
      return (await ROUTE_MODULES[file]!()).action;
    };
    it(`webhooks/${topic} refuses every mutated header, signature or method with a 4xx`, async () => {
      const action = await actionOf();
      await fuzz(`webhooks/${topic}`, bodyMutation, mutatedHeaders, async (mutation: BodyMutation, header: HeaderMutation) => {
        const response = await action({ request: webhookRequest(topic, mutatedBody(payloads[topic], mutation), header), params: {}, context: {} });
        return response.status;
      }, RUNS, isRefusal);
    });
    it(`webhooks/${topic} handles signed, mutated payloads without a 5xx or a throw`, async () => {
      const action = await actionOf();
      await fuzz(`webhooks/${topic}`, bodyMutation, fc.constant({ kind: "none" } as HeaderMutation), async (mutation, header) => {
        const response = await action({ request: webhookRequest(topic, mutatedBody(payloads[topic], mutation), header), params: {}, context: {} });
        return response.status;
      }, HANDLER_RUNS);
    });
  }

  it("every webhook route is fuzzed", () => {
    // CJ's receiver speaks CJ's contract (its own sign, per connection) and has its own tests (webhook-receiver.test.ts).
    const routes = Object.keys(ROUTE_MODULES).map((f) => f.replace(/^.*\/webhooks\.(.*)\.tsx$/, "$1")).filter((r) => !r.startsWith("cj."));
    expect(routes.sort()).toEqual(Object.keys(payloads).map((t) => t.replace("/", ".")).sort());
  });

  const notify = async (mutation: BodyMutation, header: HeaderMutation) => {
    const request = webhookRequest("fulfillment_order_notification", mutatedBody(documentedFulfillmentNotification(), mutation), header);
    return (await answerFulfillmentOrderNotification(new Request(`${process.env.SHOPIFY_APP_URL}/fulfillment-service/fulfillment_order_notification`, request))).status;
  };
  it("fulfillment_order_notification refuses every mutated header, signature or method with a 4xx", async () => {
    // A mutated topic or webhook id is not part of this callback's contract: those cases are answered normally.
    await fuzz("fulfillment_order_notification", bodyMutation, mutatedHeaders.filter((h) => h.kind !== "topic" && h.kind !== "no-webhook-id"), notify, RUNS, isRefusal);
  });
  it("fulfillment_order_notification handles signed, mutated payloads without a 5xx or a throw", async () => {
    await fuzz("fulfillment_order_notification", bodyMutation, fc.constant({ kind: "none" } as HeaderMutation), notify, HANDLER_RUNS);
  });

  it("carrier-service/rates never answers 5xx or throws", async () => {
    await fuzz("carrier-service/rates", bodyMutation, headerMutation, async (mutation, header) => {
      const body = Buffer.from(mutatedBody(documentedRateRequest(), mutation), "utf8");
      const shopHeader = header.kind === "shop" ? header.value : shop;
      const hmacHeader = header.kind === "no-hmac" ? null : header.kind === "bad-hmac" ? header.value : sign(body.toString("utf8"));
      return (await answerRawRateRequest({ body, shopHeader, hmacHeader })).status;
    });
  });
});
