import { createHmac, randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import { isoAt } from "../clock";

export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  topic: string;
  shop: string;
  url: string;
  body: string;
  triggeredAt: string;
  attempts: number;
  statuses: (number | string)[];
  state: "pending" | "delivered" | "failed";
}

export interface DeliveryOptions {
  secret: () => string;
  clock: Clock;
  fetch: typeof fetch;
  /** Waits between attempts. Shopify retries 8 times over 4 hours; the emulator default is compressed. */
  retryDelaysMs: number[];
  timeoutMs: number;
  background: (task: () => Promise<unknown>) => void;
}

export const DEFAULT_RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 16000, 32000, 64000];

export function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

/** At-least-once delivery: the same X-Shopify-Webhook-Id is reused on retries so receivers can dedupe. */
export class WebhookSender {
  readonly log: DeliveryRecord[] = [];

  constructor(private readonly opts: DeliveryOptions) {}

  send(input: { shop: string; topic: string; url: string; payload: unknown; eventId: string; extraHeaders?: Record<string, string> }): DeliveryRecord {
    const record: DeliveryRecord = {
      webhookId: randomUUID(), eventId: input.eventId, topic: input.topic, shop: input.shop, url: input.url,
      body: JSON.stringify(input.payload), triggeredAt: isoAt(this.opts.clock), attempts: 0, statuses: [], state: "pending",
    };
    this.log.push(record);
    this.opts.background(() => this.attempt(record, input.extraHeaders ?? {}));
    return record;
  }

  private async attempt(record: DeliveryRecord, extraHeaders: Record<string, string>): Promise<void> {
    for (let i = 0; i <= this.opts.retryDelaysMs.length; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, this.opts.retryDelaysMs[i - 1]));
      record.attempts++;
      try {
        const response = await this.opts.fetch(record.url, {
          method: "POST",
          body: record.body,
          headers: { ...this.headers(record), ...extraHeaders },
          signal: AbortSignal.timeout(this.opts.timeoutMs),
        });
        record.statuses.push(response.status);
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) { record.state = "delivered"; return; }
      } catch (error) {
        record.statuses.push((error as Error).name === "TimeoutError" ? "timeout" : "network-error");
      }
    }
    record.state = "failed";
  }

  private headers(record: DeliveryRecord): Record<string, string> {
    return {
      "Content-Type": "application/json",
      "X-Shopify-Topic": record.topic,
      "X-Shopify-Hmac-Sha256": sign(this.opts.secret(), record.body),
      "X-Shopify-Shop-Domain": record.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": record.webhookId,
      "X-Shopify-Event-Id": record.eventId,
      "X-Shopify-Triggered-At": record.triggeredAt,
    };
  }
}
