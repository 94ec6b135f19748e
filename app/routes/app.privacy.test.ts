import { describe, expect, it } from "vitest";
import db from "../db.server";
import { adminRequest, routeArgs, seedInstalledShop } from "../test/admin-session";
import { buildCustomerFootprint, redactCustomerOf } from "../server/compliance/test-footprint";
import { action, loader } from "./app.privacy._index";
import { loader as exportLoader } from "./app.privacy.$id.export";

const download = (shop: string, id: string, format: string) =>
  exportLoader(routeArgs(adminRequest(shop, `/app/privacy/${id}/export?format=${format}`, { headers: { Accept: "*/*" } }), { id }));

async function footprintInInstalledShop(label: string, overrides?: Parameters<typeof buildCustomerFootprint>[1]) {
  const footprint = await buildCustomerFootprint(label, overrides);
  await seedInstalledShop(footprint.shop);
  const request = await db.complianceRequest.findFirstOrThrow({ where: { shop: footprint.shop, topic: "customers/data_request" } });
  return { ...footprint, request };
}

describe("the customer data requests page", () => {
  it("lists each data request with its received date, the date 30 days later to answer by, its status and orders", async () => {
    const { shop, request, customerId, order } = await footprintInInstalledShop("privacylist");
    const data = await (await loader(routeArgs(adminRequest(shop, "/app/privacy")))).json();
    expect(data.requests).toEqual([expect.objectContaining({
      id: request.id, status: "ready", overdue: false, customerId: String(customerId), orderNames: [order.name],
      receivedAt: request.createdAt.toISOString(), answerBy: new Date(request.createdAt.getTime() + 30 * 86_400_000).toISOString(),
    })]);
  });

  it("shows no other shop's requests and will not hand over another shop's export", async () => {
    const mine = await footprintInInstalledShop("privacymine");
    const theirs = await footprintInInstalledShop("privacytheirs");
    const data = await (await loader(routeArgs(adminRequest(mine.shop, "/app/privacy")))).json();
    expect(data.requests.map((r: { id: string }) => r.id)).toEqual([mine.request.id]);
    expect((await download(mine.shop, theirs.request.id, "json")).status).toBe(404);
    const marked = await action(routeArgs(adminRequest(mine.shop, "/app/privacy", { form: { intent: "mark-sent", id: theirs.request.id } })));
    expect(marked.status).toBe(404);
    expect((await db.complianceRequest.findUniqueOrThrow({ where: { id: theirs.request.id } })).answeredAt).toBeNull();
  });

  it("downloads the export as JSON holding what we keep on the customer", async () => {
    const { shop, request, strings } = await footprintInInstalledShop("privacyjson");
    const response = await download(shop, request.id, "json");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="customer-data-request-\d+\.json"$/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json();
    expect(body.orders[0].shippingAddress).toMatchObject({ name: strings.name, address1: strings.address1 });
    expect(body.supplierOrders[0].trackingNumbers).toEqual([strings.trackingNumber]);
  });

  it("downloads the export as CSV with formula-like values neutralised", async () => {
    const { shop, request } = await footprintInInstalledShop("privacycsv", { name: "=HYPERLINK(\"http://evil.example\",\"Mia\")" });
    const response = await download(shop, request.id, "csv");
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads the names right
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith("section,record,field,value\r\n")).toBe(true);
    expect(csv).toContain("orders,1,shippingAddress.name,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Mia\"\")\"");
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it("marks a request as sent to the customer", async () => {
    const { shop, request } = await footprintInInstalledShop("privacysent");
    const response = await action(routeArgs(adminRequest(shop, "/app/privacy", { form: { intent: "mark-sent", id: request.id } })));
    expect(response.status).toBe(200);
    const data = await (await loader(routeArgs(adminRequest(shop, "/app/privacy")))).json();
    expect(data.requests[0]?.status).toBe("sent");
  });

  it("after customers/redact for the same customer, the export is gone and the request shows it was erased", async () => {
    const { shop, request, strings, customerId } = await footprintInInstalledShop("privacyerased");
    await redactCustomerOf(shop, customerId, [], strings);
    expect((await download(shop, request.id, "json")).status).toBe(404);
    expect((await download(shop, request.id, "csv")).status).toBe(404);
    const data = await (await loader(routeArgs(adminRequest(shop, "/app/privacy")))).json();
    expect(data.requests[0]).toMatchObject({ id: request.id, status: "erased" });
  });

  it("refuses a request without a session token", async () => {
    const { shop, request } = await footprintInInstalledShop("privacynotoken");
    const bare = new Request(`${process.env.SHOPIFY_APP_URL}/app/privacy/${request.id}/export?format=json&shop=${shop}`);
    const outcome = await exportLoader(routeArgs(bare, { id: request.id })).catch((thrown: unknown) => thrown);
    expect(outcome).toBeInstanceOf(Response);
    expect([302, 401, 410]).toContain((outcome as Response).status);
  });
});
