import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "~/db.server";
import { pruneWebhookDeliveries } from "./prune-webhook-deliveries";

const db = createPrismaClient();
afterAll(() => db.$disconnect());

describe("pruneWebhookDeliveries", () => {
  it("deletes deliveries older than the window and keeps recent ones", async () => {
    const shop = `prune-${randomUUID().slice(0, 8)}.myshopify.com`;
    const now = new Date("2030-01-31T00:00:00Z");
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const [old, recent] = [`old-${randomUUID()}`, `recent-${randomUUID()}`];
    await db.webhookDelivery.createMany({
      data: [
        { webhookId: old, shop, topic: "orders/create", receivedAt: days(31) },
        { webhookId: recent, shop, topic: "orders/create", receivedAt: days(29) },
      ],
    });
    const result = await pruneWebhookDeliveries(db, {}, now);
    expect(result.deliveries).toBeGreaterThanOrEqual(1);
    const left = await db.webhookDelivery.findMany({ where: { shop }, select: { webhookId: true } });
    expect(left.map((d) => d.webhookId)).toEqual([recent]);
    await db.webhookDelivery.deleteMany({ where: { shop } });
  });
});
