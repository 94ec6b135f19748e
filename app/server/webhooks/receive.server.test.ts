import { describe, expect, it, vi } from "vitest";
import db from "../../db.server";
import { actionArgs, signedWebhook, uniqueShop } from "../../test/webhooks";
import { webhookAction } from "./receive.server";

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
});
