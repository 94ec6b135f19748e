import { assert, type E2eContext, type E2eTest } from "../harness";
import { englishLines } from "./i18n";

/**
 * A supplier order the way the services store it (catalog messages, app/server/fulfillment/order-text.ts): held for
 * EU customs data, with the timeline entries a request, the hold, the tracking and a carrier scan leave. Written
 * directly, so this test needs no other flow's store; one older row's English event shows how rows from before the
 * conversion look (as written).
 */
async function seedOrder(shop: string): Promise<string> {
  const { default: db } = await import("../../../app/db.server");
  const { storedText, storedTexts, textMessage } = await import("../../../app/server/fulfillment/order-text");
  const { CUSTOMS_FIX_HINT, CUSTOMS_HOLD } = await import("../../../app/server/fulfillment/preflight/customs-hold.server");
  const n = Date.now();
  const row = await db.supplierOrder.create({
    data: {
      shop, orderGid: `gid://shopify/Order/${n}`, orderName: "#I18N-1", fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${n}`,
      supplier: "sandbox", warehouse: "CN-SZ", idempotencyKey: `i18n-orders-${n}`, state: "needs_attention", currency: "EUR", revenueMinor: 4900,
      lines: [{ foLineItemGid: "li-1", variantGid: "gid://shopify/ProductVariant/1", sku: "SR-SCARF", supplierVariantId: "SBX-1", quantity: 2, unitPriceMinor: 2450, costMinor: null, costCurrency: null }],
      reasonCode: CUSTOMS_HOLD,
      reasonMessage: storedTexts(textMessage("order:reason.customsDataMissing"), textMessage("order:reason.customsGap.originCountry", { item: "SR-SCARF" }), textMessage("order:reason.customsGap.gpsrResponsiblePerson", { item: "SR-SCARF" })),
      fixHint: CUSTOMS_FIX_HINT,
      logisticName: "YunExpress Global Direct", logisticBasis: "cheapest", carrier: "YunExpress", trackingNumbers: ["YT2412345678901234"],
      events: {
        create: [
          { kind: "shopify", message: storedText("order:event.requestReceived", { warehouseCode: "CN-SZ", lines: 1 }), at: new Date(n - 50_000) },
          { kind: "state", toState: "needs_attention", message: storedTexts(textMessage("order:reason.customsDataMissing"), textMessage("order:reason.customsGap.originCountry", { item: "SR-SCARF" })), at: new Date(n - 40_000) },
          { kind: "shopify", message: storedText("order:event.held.stoppedWithNotes", { reason: "awaiting_payment", notes: "Banküberweisung" }), at: new Date(n - 30_000) },
          { kind: "shopify", message: storedText("order:event.holdReleasedResumes"), at: new Date(n - 20_000) },
          { kind: "carrier", message: storedText("order:event.trackingUnscanned", { number: "YT2412345678901234" }), at: new Date(n - 10_000) },
          { kind: "carrier", message: storedText("order:event.carrierScan", { scan: "in_transit", detail: "深圳分拨中心" }), at: new Date(n - 5_000) },
        ],
      },
    },
  });
  return row.id;
}

/** A JD order JD split in two, shipped: the split line, the child steps and a JD message on the timeline, the forwarder form. */
async function seedJdOrder(shop: string): Promise<string> {
  const { default: db } = await import("../../../app/db.server");
  const { storedText, storedTexts, textMessage } = await import("../../../app/server/fulfillment/order-text");
  const n = Date.now();
  const row = await db.supplierOrder.create({
    data: {
      shop, orderGid: `gid://shopify/Order/${n}`, orderName: "#I18N-2", fulfillmentOrderGid: `gid://shopify/FulfillmentOrder/${n}`,
      supplier: "jd", warehouse: "CN-SZ", idempotencyKey: `i18n-orders-jd-${n}`, state: "shipped", currency: "EUR", revenueMinor: 4900, supplierOrderId: "300001",
      lines: [{ foLineItemGid: "li-1", variantGid: "gid://shopify/ProductVariant/2", sku: "JD-100", supplierVariantId: "100012043978", quantity: 1, unitPriceMinor: 4900, costMinor: null, costCurrency: null }],
      supplierStatus: storedTexts(textMessage("order:jdSplit", { count: 2 }), textMessage("order:jdSplitChild", { id: "300011", childStatus: "shipped" }), textMessage("order:jdSplitChild", { id: "300012", childStatus: "processing" })),
      carrier: "SF Express", trackingNumbers: ["SF1234567890123"],
      events: {
        create: [
          { kind: "state", toState: "placed", message: storedText("order:event.placed", { id: "300001" }), at: new Date(n - 40_000) },
          { kind: "supplier", message: storedText("order:event.jdChild.shipped", { id: "300011", n: 1, count: 2 }), at: new Date(n - 30_000) },
          { kind: "supplier", message: storedText("order:event.jdMessage.12", { id: "300011", type: 12, messageId: "m-1" }), at: new Date(n - 20_000) },
          { kind: "state", toState: "shipped", message: storedText("order:event.shippedNotified", { carrier: "SF Express", numbers: "SF1234567890123" }), at: new Date(n - 10_000) },
        ],
      },
    },
  });
  return row.id;
}

async function open(ctx: E2eContext, id: string, locale: "en" | "zh-CN", heading: string, prefix = ""): Promise<string[]> {
  const path = `/app/orders/${id}`;
  await ctx.page.goto(`${ctx.stack.shell.appAdminUrl(ctx.stack.shop, path)}?locale=${locale}`);
  const frame = await ctx.shell.appFrame();
  await ctx.shell.assertPageOk(`${path} (${locale})`, frame);
  await ctx.shell.app.getByRole("heading", { name: heading, exact: true }).first().waitFor();
  assert((await frame.evaluate(() => document.documentElement.lang)) === locale, `${path} is not marked lang=${locale}`);
  const lines = await englishLines(frame);
  await ctx.screenshot(`i18n-${locale}-${prefix}order-detail`);
  return lines;
}

export const i18nOrderTests: E2eTest[] = [
  {
    name: "i18n-orders: an order detail page is in Chinese with locale=zh-CN and in English with locale=en",
    timeoutMs: 60_000,
    async run(ctx) {
      const id = await seedOrder(ctx.stack.shop);
      const errors: string[] = [];
      ctx.page.on("pageerror", (error) => errors.push(error.message.slice(0, 120)));

      const english = await open(ctx, id, "zh-CN", "时间线");
      assert(english.length === 0, `untranslated English on the Chinese order page — ${english.slice(0, 8).join(" | ")}`);
      for (const text of ["已在发送给供应商前暂停", "SR-SCARF：原产国", "在 Shopify 中保留：等待付款：Banküberweisung", "运输中：深圳分拨中心", "批准", "物流单号"]) {
        assert((await ctx.shell.app.getByText(text, { exact: false }).count()) > 0, `the Chinese order page does not show "${text}"`);
      }

      await open(ctx, id, "en", "Timeline");
      for (const text of ["Held before the supplier: EU customs and product-safety rules need data these products lack.", "SR-SCARF: country of origin",
        "On hold in Shopify: Awaiting payment: Banküberweisung. Nothing goes to the supplier until the hold is released.", "in transit: 深圳分拨中心",
        "Shipping method sent: YunExpress Global Direct (the supplier's cheapest quote for the route)"]) {
        assert((await ctx.shell.app.getByText(text, { exact: false }).count()) > 0, `the English order page does not show "${text}"`);
      }
      const jd = await seedJdOrder(ctx.stack.shop);
      const jdEnglish = await open(ctx, jd, "zh-CN", "时间线", "jd-");
      assert(jdEnglish.length === 0, `untranslated English on the Chinese JD order page — ${jdEnglish.slice(0, 8).join(" | ")}`);
      await ctx.shell.app.getByText("京东已将此订单拆分为 2 个：300011 已发货、300012 处理中").waitFor();
      await open(ctx, jd, "en", "Timeline", "jd-");
      await ctx.shell.app.getByText("JD split this order into 2: 300011 shipped, 300012 processing").waitFor();
      assert(errors.length === 0, `page errors: ${errors.join(" | ")}`);
    },
  },
];
