import db from "../../db.server";
import type { WebhookContext } from "./receive.server";

export async function isDelivered(webhookId: string): Promise<boolean> {
  return (await db.webhookDelivery.count({ where: { webhookId } })) > 0;
}

/** Remembers a handled delivery; a concurrent duplicate that got here first is fine. */
export async function recordDelivery(context: WebhookContext): Promise<void> {
  try {
    await db.webhookDelivery.create({
      data: { webhookId: context.webhookId, shop: context.shop, topic: context.topic, eventId: context.eventId ?? null },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
