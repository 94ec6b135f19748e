import crypto from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { floorListener } from "./floor-server";

const SECRET = "floor-secret";
const ANSWER = '{"rates":[{"service_code":"SR-CN-DIRECT"}]}';
let server: Server | undefined;

async function floorUrl(): Promise<string> {
  server = createServer(floorListener({ secret: SECRET, answer: () => ANSWER }));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/carrier-service/rates`;
}

const post = (url: string, body: string, signature = crypto.createHmac("sha256", SECRET).update(body).digest("base64")) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-shopify-hmac-sha256": signature }, body });

afterEach(() => server?.close());

describe("the bench's floor server (verify, parse, fixed answer)", () => {
  it("answers a signed rate request with the fixed answer and the fast path's security headers", async () => {
    const response = await post(await floorUrl(), JSON.stringify({ rate: { items: [{ sku: "A", quantity: 1 }] } }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(ANSWER);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses a body whose signature does not match, so its throughput includes real verification", async () => {
    const url = await floorUrl();
    const body = JSON.stringify({ rate: { items: [] } });
    const other = crypto.createHmac("sha256", "another-secret").update(body).digest("base64");
    expect((await post(url, body, other)).status).toBe(401);
    expect((await post(url, body, "")).status).toBe(401);
  });

  it("refuses a signed body that is not a rate request, so it really parses the JSON", async () => {
    const url = await floorUrl();
    expect((await post(url, "{not json")).status).toBe(400);
    expect((await post(url, JSON.stringify({ rate: {} }))).status).toBe(400);
  });
});
