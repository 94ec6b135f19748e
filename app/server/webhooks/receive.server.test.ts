import { describe, expect, it, vi } from "vitest";
import db from "../../db.server";
import { actionArgs, signedWebhook, uniqueShop } from "../../test/webhooks";
import { z } from "zod";
import { MAX_WEBHOOK_BODY_BYTES } from "../http/inbound.server";
import { toGid } from "../shopify/gid";
import { webhookAction } from "./receive.server";

const withHeader = (request: Request, name: string, value: string) => {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return new Request(request.url, { method: "POST", headers, body: request.body, duplex: "half" } as RequestInit);
};

describe("webhookAction", () => {
  it("answers 401 to a delivery signed with the wrong secret, and runs nothing", async () => {
    const handler = vi.fn(async () => {});
    const request = signedWebhook({ topic: "orders/create", shop: uniqueShop("hmac"), payload: { id: 1 }, secret: "not-our-secret" });
    const response = await webhookAction("orders/create", handler)(actionArgs(request));
    expect(response.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 401 to a delivery with no HMAC header", async () => {
    const handler = vi.fn(async () => {});
    const request = signedWebhook({ topic: "orders/create", shop: uniqueShop("hmac"), payload: { id: 1 }, hmac: null });
    expect((await webhookAction("orders/create", handler)(actionArgs(request))).status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
  });

  it("rejects a body altered after signing", async () => {
    const handler = vi.fn(async () => {});
    const good = signedWebhook({ topic: "orders/create", shop: uniqueShop("hmac"), payload: { id: 1 } });
    const tampered = new Request(good.url, { method: "POST", headers: good.headers, body: JSON.stringify({ id: 2 }) });
    expect((await webhookAction("orders/create", handler)(actionArgs(tampered))).status).toBe(401);
  });

  it("runs the handler for a correctly signed delivery and records it", async () => {
    const handler = vi.fn(async () => {});
    const shop = uniqueShop("ok");
    const request = signedWebhook({ topic: "orders/create", shop, payload: { id: 1 }, webhookId: `wh-${shop}` });
    expect((await webhookAction("orders/create", handler)(actionArgs(request))).status).toBe(200);
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ shop, topic: "orders/create", webhookId: `wh-${shop}`, payload: { id: 1 } }));
    expect(await db.webhookDelivery.count({ where: { webhookId: `wh-${shop}` } })).toBe(1);
  });

  it("acknowledges a redelivery of the same webhook id without processing it again", async () => {
    const handler = vi.fn(async () => {});
    const shop = uniqueShop("dedupe");
    const action = webhookAction("orders/create", handler);
    const deliver = () => action(actionArgs(signedWebhook({ topic: "orders/create", shop, payload: { id: 9 }, webhookId: `dup-${shop}` })));
    expect((await deliver()).status).toBe(200);
    expect((await deliver()).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("processes again after a failure, because a failed delivery is not recorded", async () => {
    const shop = uniqueShop("retry");
    const handler = vi.fn().mockRejectedValueOnce(new Error("database down")).mockResolvedValue(undefined);
    const action = webhookAction("orders/create", handler);
    const deliver = () => action(actionArgs(signedWebhook({ topic: "orders/create", shop, payload: { id: 9 }, webhookId: `retry-${shop}` })));
    await expect(deliver()).rejects.toThrow("database down");
    expect((await deliver()).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("refuses a delivery for another topic with a 400", async () => {
    const handler = vi.fn(async () => {});
    const request = signedWebhook({ topic: "products/update", shop: uniqueShop("topic"), payload: { id: 1 } });
    expect((await webhookAction("orders/create", handler)(actionArgs(request))).status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 400 to a correctly signed body that is not JSON", async () => {
    const handler = vi.fn(async () => {});
    const request = signedWebhook({ topic: "orders/create", shop: uniqueShop("json"), payload: "{not json" });
    expect((await webhookAction("orders/create", handler)(actionArgs(request))).status).toBe(400);
  });

  it("refuses a signed compliance body whose shop_domain names another shop than the header", async () => {
    const handler = vi.fn(async () => {});
    const shop = uniqueShop("mine");
    const request = signedWebhook({ topic: "customers/redact", shop, payload: { shop_id: 1, shop_domain: uniqueShop("theirs"), customer: { id: 1 }, orders_to_redact: [] } });
    expect((await webhookAction("customers/redact", handler)(actionArgs(request))).status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
    const same = signedWebhook({ topic: "customers/redact", shop, payload: { shop_id: 1, shop_domain: shop, customer: { id: 1 }, orders_to_redact: [] } });
    expect((await webhookAction("customers/redact", handler)(actionArgs(same))).status).toBe(200);
  });

  it("answers 400, not 500, to a signed delivery whose shop header is not a myshopify.com domain", async () => {
    const handler = vi.fn(async () => {});
    for (const shop of ["UPPER.myshopify.com", "x.myshopify.com.evil.com", "x.myshopify.com/admin", "../x.myshopify.com", "", "evil.com"]) {
      const request = signedWebhook({ topic: "orders/create", shop: "ok.myshopify.com", payload: { id: 1 } });
      const response = await webhookAction("orders/create", handler)(actionArgs(withHeader(request, "x-shopify-shop-domain", shop)));
      expect({ shop, status: response.status }).toEqual({ shop, status: 400 });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers 400 when a signed payload does not have the shape the handler parses (zod or GID errors)", async () => {
    const zodHandler = async ({ payload }: { payload: unknown }) => void z.object({ id: z.number() }).parse(payload);
    const gidHandler = async () => void toGid("Order", "not-a-number");
    for (const handler of [zodHandler, gidHandler]) {
      const request = signedWebhook({ topic: "orders/create", shop: uniqueShop("shape"), payload: { id: "x" } });
      expect((await webhookAction("orders/create", handler)(actionArgs(request))).status).toBe(400);
    }
  });

  it("answers OPTIONS and other non-POST methods with 405", async () => {
    const handler = vi.fn(async () => {});
    for (const method of ["OPTIONS", "PUT", "DELETE"]) {
      const response = await webhookAction("orders/create", handler)(actionArgs(new Request(`${process.env.SHOPIFY_APP_URL}/webhooks/orders/create`, { method })));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
  });

  it("refuses a badly signed body over the limit with 413 after reading no more than the limit", async () => {
    const handler = vi.fn(async () => {});
    let pulled = 0;
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 50 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const signed = signedWebhook({ topic: "orders/create", shop: uniqueShop("big"), payload: {}, hmac: "bogus" });
    const request = new Request(signed.url, { method: "POST", headers: signed.headers, body, duplex: "half" } as RequestInit);
    const response = await webhookAction("orders/create", handler)(actionArgs(request));
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(pulled).toBeLessThan(MAX_WEBHOOK_BODY_BYTES + 2 * 1024 * 1024); // the stream's read-ahead, never the 50 MB
  });

  it("answers 400 to a signed body holding a NUL or a lone surrogate, which the database could not store", async () => {
    const handler = vi.fn(async () => {});
    for (const name of ["#10\u00001", "#10\ud800", "#10\udc00x"]) {
      const request = signedWebhook({ topic: "orders/create", shop: uniqueShop("nul"), payload: { id: 1, name } });
      expect((await webhookAction("orders/create", handler)(actionArgs(request))).status).toBe(400);
    }
    const emoji = signedWebhook({ topic: "orders/create", shop: uniqueShop("emoji"), payload: { id: 1, name: "#10 👩‍👩‍👧" } });
    expect((await webhookAction("orders/create", handler)(actionArgs(emoji))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("answers 400 when the database refuses a payload value as out of range, and still fails on other database errors", async () => {
    const dbError = (code: string) => Object.assign(new Error("database refused"), { name: "PrismaClientKnownRequestError", code });
    const outOfRange = async () => { throw dbError("P2020"); }; // e.g. an amount past PostgreSQL's int4 (found by the fuzz suite)
    const request = signedWebhook({ topic: "orders/create", shop: uniqueShop("range"), payload: { id: 1 } });
    expect((await webhookAction("orders/create", outOfRange)(actionArgs(request))).status).toBe(400);
    const unique = async () => { throw dbError("P2002"); };
    const again = signedWebhook({ topic: "orders/create", shop: uniqueShop("range"), payload: { id: 1 } });
    await expect(webhookAction("orders/create", unique)(actionArgs(again))).rejects.toThrow("database refused");
  });
});
