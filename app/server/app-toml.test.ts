import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTomlSubset, readAppToml } from "../emulator/webhooks/toml";
import { APP_SCOPES } from "./config";

const ROOT = path.resolve(import.meta.dirname, "../..");
const tomlPath = path.join(ROOT, "shopify.app.toml");
const routeFor = (topic: string) => path.join(ROOT, "app/routes", `webhooks.${topic.replace(/\//g, ".")}.tsx`);

describe("shopify.app.toml", () => {
  const toml = readAppToml(tomlPath)!;
  const raw = parseTomlSubset(fs.readFileSync(tomlPath, "utf8"));

  it("asks for exactly the scopes the app is configured with", () => {
    expect([...toml.scopes].sort()).toEqual([...APP_SCOPES].sort());
  });

  it("subscribes to webhooks on API version 2026-10", () => {
    expect(toml.apiVersion).toBe("2026-10");
  });

  it("has a route for every subscribed topic, at the URI it declares", () => {
    for (const { topics, uri } of toml.subscriptions) {
      for (const topic of topics) {
        expect(uri).toBe(`/webhooks/${topic}`);
        expect(fs.existsSync(routeFor(topic)), `missing ${routeFor(topic)}`).toBe(true);
      }
    }
  });

  it("subscribes to the three compliance topics, each with its route", () => {
    const compliance = (raw.webhooks.subscriptions as Array<{ compliance_topics?: string[] }>).flatMap((s) => s.compliance_topics ?? []);
    expect(compliance.sort()).toEqual(["customers/data_request", "customers/redact", "shop/redact"]);
    for (const topic of compliance) expect(fs.existsSync(routeFor(topic))).toBe(true);
  });

  it("covers the topics the fulfillment and sourcing flows rely on", () => {
    const topics = toml.subscriptions.flatMap((s) => s.topics);
    for (const topic of ["app/uninstalled", "app/scopes_update", "orders/create", "orders/cancelled", "products/update", "products/delete", "bulk_operations/finish", "fulfillment_orders/cancellation_request_submitted"]) {
      expect(topics).toContain(topic);
    }
  });
});
