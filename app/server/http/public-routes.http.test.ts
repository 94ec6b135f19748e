import crypto from "node:crypto";
import { Agent, request as httpRequest, type Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ordersCreate from "../../routes/webhooks.orders.create";
import { closeServer, listenOnFreePort } from "../../test/http-server";
import * as notification from "../../routes/fulfillment-service.fulfillment_order_notification";
import { MAX_FULFILLMENT_NOTIFICATION_BYTES, MAX_WEBHOOK_BODY_BYTES } from "./body-limits";
import { carrierServiceFastPath } from "./carrier-service-fast-path";
import { createProductionServer } from "./production-app";

// The production listener with the real Express + @remix-run/express handler and the real route modules, over
// real HTTP, so what the transport does with an unread body (keep-alive, closing) is what production does.
const route = (id: string, path: string, module: unknown) => ({ id, parentId: "root", path, module });
const build = {
  mode: "production", future: {}, isSpaMode: false, basename: undefined, publicPath: "/build/", assetsBuildDirectory: "public/build",
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
  entry: { module: { default: () => new Response("document"), carrierServiceFastPath } },
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/webhooks.orders.create": route("routes/webhooks.orders.create", "webhooks/orders/create", ordersCreate),
    "routes/fulfillment-service.fulfillment_order_notification": route("routes/fulfillment-service.fulfillment_order_notification", "fulfillment-service/fulfillment_order_notification", notification),
  },
} as unknown as ServerBuild;

let server: Server;
let port: number;
beforeAll(async () => {
  server = createProductionServer(build, { mode: "production" });
  port = Number(new URL(await listenOnFreePort(server)).port);
});
afterAll(() => closeServer(server));

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** One request; `body` is written in 64 KiB pieces, and a reset after the answer (the server closed) is not an error. */
function send(agent: Agent, path: string, options: { method?: string; headers?: Record<string, string | number>; body?: Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: options.method ?? "POST", agent, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    const body = options.body;
    if (body) for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    req.end();
  });
}

const webhookHeaders = (extra: Record<string, string | number> = {}) => ({
  "content-type": "application/json", "x-shopify-topic": "orders/create", "x-shopify-shop-domain": "someone.myshopify.com",
  "x-shopify-webhook-id": crypto.randomUUID(), "x-shopify-api-version": "2026-10", ...extra,
});

describe("public routes over HTTP (production listener)", () => {
  it("refuses a webhook declaring a body over the limit with 413 before reading it, and closes the connection", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Declares 50 MB but sends nothing: an answer can only come from the declared length.
    const answer = await send(agent, "/webhooks/orders/create", { headers: webhookHeaders({ "content-length": 50_000_000, "x-shopify-hmac-sha256": "bogus" }) });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
    expect(answer.body).toContain(String(MAX_WEBHOOK_BODY_BYTES));
    agent.destroy();
  });

  it("refuses a streamed webhook body once it passes the limit, and the next request on the connection is answered", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const big = Buffer.alloc(MAX_WEBHOOK_BODY_BYTES + 256 * 1024, 0x20);
    const answer = await send(agent, "/webhooks/orders/create", { headers: webhookHeaders({ "transfer-encoding": "chunked", "x-shopify-hmac-sha256": "bogus" }), body: big });
    expect(answer.status).toBe(413);
    const next = await send(agent, "/webhooks/orders/create", { method: "GET" });
    expect(next.status).toBe(405);
    agent.destroy();
  });

  it("answers the next request on a keep-alive connection after refusing an unsigned 1 MB body unread", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const body = Buffer.alloc(1024 * 1024, 0x20);
    const refused = await send(agent, "/webhooks/orders/create", { headers: webhookHeaders({ "content-length": body.length }), body });
    expect(refused.status).toBe(401);
    const next = await send(agent, "/webhooks/orders/create", { method: "GET" });
    expect(next.status).toBe(405);
    agent.destroy();
  });

  it("refuses an oversized fulfillment-order notification with 413, declared or streamed", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const path = "/fulfillment-service/fulfillment_order_notification";
    const headers = { "content-type": "application/json", "x-shopify-shop-domain": "someone.myshopify.com", "x-shopify-hmac-sha256": "bogus" };
    expect((await send(agent, path, { headers: { ...headers, "content-length": 10_000_000 } })).status).toBe(413);
    const streamed = await send(agent, path, { headers: { ...headers, "transfer-encoding": "chunked" }, body: Buffer.alloc(MAX_FULFILLMENT_NOTIFICATION_BYTES * 4, 0x20) });
    expect(streamed.status).toBe(413);
    expect((await send(agent, path, { method: "GET" })).status).toBe(405);
    agent.destroy();
  });

  it("answers GET, HEAD and OPTIONS on POST-only routes with 405", async () => {
    const agent = new Agent();
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      for (const path of ["/webhooks/orders/create", "/fulfillment-service/fulfillment_order_notification", "/carrier-service/rates"]) {
        if (path === "/carrier-service/rates") continue; // not in this stub build; its route answers 405 (carrier-service.rates.test.ts)
        expect({ method, path, status: (await send(agent, path, { method })).status }).toEqual({ method, path, status: 405 });
      }
    }
    agent.destroy();
  });

  it("sends nosniff and a referrer policy on every answer, and HSTS behind TLS", async () => {
    const agent = new Agent();
    const plain = await send(agent, "/webhooks/orders/create", { method: "GET" });
    expect(plain.headers["x-content-type-options"]).toBe("nosniff"); // once: a duplicate would read "nosniff, nosniff"
    expect(plain.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const proxied = await send(agent, "/carrier-service/rates", { headers: { "x-forwarded-proto": "https", "content-length": 10_000_000 } });
    expect(proxied.status).toBe(413);
    expect(proxied.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(proxied.headers["x-content-type-options"]).toBe("nosniff");
    agent.destroy();
  });
});
