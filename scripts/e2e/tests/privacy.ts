import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import type { Download, Page } from "playwright-core";
import type { DemoStack } from "../../demo/stack";
import { assert, type E2eTest } from "../harness";

/** Sends customers/data_request to the running app as Shopify does: JSON body, HMAC-SHA256 of the raw body. */
async function sendDataRequest(stack: DemoStack, customerId: number): Promise<void> {
  const body = JSON.stringify({ shop_id: 1, shop_domain: stack.shop, customer: { id: customerId, email: "e2e@example.com", phone: "+15550001111" }, orders_requested: [], data_request: { id: customerId } });
  const secret = stack.env.SHOPIFY_API_SECRET!;
  const response = await fetch(`${stack.appUrl}/webhooks/customers/data_request`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json", "X-Shopify-Topic": "customers/data_request", "X-Shopify-Shop-Domain": stack.shop,
      "X-Shopify-Webhook-Id": randomUUID(), "X-Shopify-API-Version": "2026-10", "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(), "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body).digest("base64"),
    },
  });
  assert(response.status === 200, `the app answered the data request webhook with ${response.status}`);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download") as Promise<Download>, click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, "utf8") };
}

export const privacyTests: E2eTest[] = [
  {
    name: "a customer data request appears on its page, downloads as JSON and CSV through the session token, and can be marked sent",
    timeoutMs: 60_000,
    async run({ shell, page, stack, screenshot }) {
      const customerId = 700_000 + Math.floor(Math.random() * 1000);
      await sendDataRequest(stack, customerId);
      const frame = await shell.open("/app/privacy");
      // The worker answers the request; reload until the export is ready.
      for (let i = 0; i < 20 && !(await frame.getByText("Ready to send").count()); i++) {
        await new Promise((r) => setTimeout(r, 1_000));
        await shell.goto("/app/privacy");
      }
      const app = shell.app;
      await app.getByText("Ready to send").waitFor();
      await app.getByText(`Customer ${customerId}`).waitFor();
      const json = await downloaded(page, () => app.getByRole("button", { name: "JSON" }).click());
      assert(json.name === `customer-data-request-${customerId}.json`, `the JSON file is named ${json.name}`);
      assert(typeof JSON.parse(json.text) === "object", "the JSON export does not parse");
      const csv = await downloaded(page, () => app.getByRole("button", { name: "CSV" }).click());
      assert(csv.text.replace(/^\uFEFF/, "").startsWith("section,record,field,value"), `the CSV export starts with ${csv.text.slice(0, 40)}`);
      await screenshot("privacy-requests");
      await app.getByRole("button", { name: "Mark as sent" }).click();
      await app.getByText("Sent to customer").waitFor();
    },
  },
];
