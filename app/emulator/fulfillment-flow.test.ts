import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, PRODUCT_SET, recordingFetch, TEST_API_SECRET } from "./test-builders";
import { sign } from "./webhooks/delivery";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function warehouseShop() {
  const outbound = recordingFetch();
  const { emulator } = buildEmulator({ fetch: outbound.fetch });
  const shop = buildShop(emulator);
  emulator.controls.installApp(shop);
  const gql = async (q: string, v?: Record<string, unknown>) => (await emulator.graphql(shop, q, v)) as Any;
  const service = (await gql(`mutation { fulfillmentServiceCreate(name: "Silkroute Shenzhen", callbackUrl: "https://app.example.com/fs", trackingSupport: true, inventoryManagement: false) {
    fulfillmentService { id serviceName location { id name } } userErrors { message } } }`)).data.fulfillmentServiceCreate.fulfillmentService;
  const locationId = service.location.id as string;
  const moved = await gql(`mutation($id: ID!) { locationEdit(id: $id, input: {address: {address1: "88 Futian Rd", city: "Shenzhen", zip: "518000", countryCode: CN}}) { location { address { countryCode city } } userErrors { message } } }`, { id: locationId });
  expect(moved.data.locationEdit.location.address).toEqual({ countryCode: "CN", city: "Shenzhen" });
  const input = buildProductSetInput();
  input.variants[0].inventoryQuantities = [{ locationId, name: "available", quantity: 50 }];
  const product = (await gql(PRODUCT_SET, { input, synchronous: true })).data.productSet.product;
  const variantId = product.variants.nodes[0].id as string;
  const order = emulator.controls.placeOrder(shop, { lines: [{ variantId, quantity: 2 }], shippingAddress: { firstName: "Ada", countryCode: "DE", city: "Berlin", zip: "10115", address1: "Unter den Linden 1" } });
  return { emulator, shop, gql, outbound, locationId, order, variantId };
}

const ASSIGNED = `query($status: FulfillmentOrderAssignmentStatus) { shop { assignedFulfillmentOrders(first: 10, assignmentStatus: $status) {
  nodes { id status requestStatus destination { countryCode city } lineItems(first: 5) { nodes { id sku remainingQuantity } } merchantRequests(first: 5) { nodes { kind } } } } } }`;

describe("fulfillment-service flow", () => {
  it("submits the order's fulfillment order to the service and notifies its callback, signed", async () => {
    const { emulator, gql, outbound, order, shop } = await warehouseShop();
    await emulator.controls.settle();
    expect(order.fulfillmentOrders[0]).toMatchObject({ status: "OPEN", requestStatus: "SUBMITTED" });
    const notice = outbound.requests.find((r) => r.url === "https://app.example.com/fs/fulfillment_order_notification")!;
    expect(JSON.parse(notice.body)).toEqual({ kind: "FULFILLMENT_REQUEST" });
    expect(notice.headers.get("x-shopify-hmac-sha256")).toBe(sign(TEST_API_SECRET, notice.body));
    expect(notice.headers.get("x-shopify-shop-domain")).toBe(shop);
    const assigned = (await gql(ASSIGNED, { status: "FULFILLMENT_REQUESTED" })).data.shop.assignedFulfillmentOrders.nodes;
    expect(assigned).toEqual([{
      id: order.fulfillmentOrders[0].id, status: "OPEN", requestStatus: "SUBMITTED", destination: { countryCode: "DE", city: "Berlin" },
      lineItems: { nodes: [{ id: expect.any(String), sku: "SCARF-RED", remainingQuantity: 2 }] }, merchantRequests: { nodes: [{ kind: "FULFILLMENT_REQUEST" }] },
    }]);
  });

  it("exposes the buyer's checkout service on the fulfillment order's delivery method, as the order's shipping line has it", async () => {
    const { emulator, gql, shop, variantId } = await warehouseShop();
    emulator.controls.placeOrder(shop, { lines: [{ variantId, quantity: 1 }], shippingLine: { title: "Silkroute Express", code: "SR-EXPRESS", price: "19.00", source: "silkroute" },
      shippingAddress: { firstName: "Ada", countryCode: "DE", city: "Berlin", zip: "10115", address1: "Unter den Linden 1" } });
    await emulator.controls.settle();
    const nodes = (await gql(`{ shop { assignedFulfillmentOrders(first: 10, assignmentStatus: FULFILLMENT_REQUESTED) { nodes { deliveryMethod { methodType serviceCode presentedName } } } } }`))
      .data.shop.assignedFulfillmentOrders.nodes;
    expect(nodes.map((n: Any) => n.deliveryMethod)).toEqual([
      { methodType: "SHIPPING", serviceCode: null, presentedName: null },
      { methodType: "SHIPPING", serviceCode: "SR-EXPRESS", presentedName: "Silkroute Express" },
    ]);
  });

  it("accepts, ships with tracking, updates tracking and records carrier events", async () => {
    const { emulator, gql, order, shop } = await warehouseShop();
    const foId = order.fulfillmentOrders[0].id;
    const accepted = await gql(`mutation($id: ID!) { fulfillmentOrderAcceptFulfillmentRequest(id: $id, message: "ok") { fulfillmentOrder { status requestStatus } userErrors { message } } }`, { id: foId });
    expect(accepted.data.fulfillmentOrderAcceptFulfillmentRequest.fulfillmentOrder).toEqual({ status: "IN_PROGRESS", requestStatus: "ACCEPTED" });
    const created = await gql(`mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id name status trackingInfo { company number url } } userErrors { message } } }`, {
      f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foId }], notifyCustomer: true, trackingInfo: { company: "4PX", number: "4PX123" } },
    });
    const fulfillment = created.data.fulfillmentCreate.fulfillment;
    expect(fulfillment).toMatchObject({ name: "#1001.1", status: "SUCCESS", trackingInfo: [{ company: "4PX", number: "4PX123", url: "https://track.4px.com/#/result/0/4PX123" }] });
    await gql(`mutation($id: ID!) { fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: {company: "YunExpress", numbers: ["YT1", "YT2"]}, notifyCustomer: false) { userErrors { message } } }`, { id: fulfillment.id });
    await gql(`mutation($id: ID!) { fulfillmentEventCreate(fulfillmentEvent: {fulfillmentId: $id, status: IN_TRANSIT, message: "Departed Shenzhen"}) { fulfillmentEvent { status } userErrors { message } } }`, { id: fulfillment.id });
    const [summary] = emulator.controls.fulfillments(shop);
    expect(summary).toMatchObject({ displayStatus: "IN_TRANSIT", notifyCustomer: false, trackingInfo: [{ number: "YT1" }, { number: "YT2" }], events: [{ status: "IN_TRANSIT" }] });
    expect(emulator.controls.orders(shop)[0]).toMatchObject({ displayFulfillmentStatus: "FULFILLED", fulfillmentOrders: [{ status: "CLOSED" }] });
    expect(emulator.controls.events(shop).map((e) => e.topic)).toEqual(expect.arrayContaining([
      "orders/create", "fulfillment_orders/fulfillment_request_submitted", "fulfillment_orders/fulfillment_request_accepted", "fulfillments/create", "fulfillments/update", "fulfillment_events/create",
    ]));
  });

  it("rejects a fulfillment request with a reason", async () => {
    const { gql, order } = await warehouseShop();
    const res = await gql(`mutation($id: ID!) { fulfillmentOrderRejectFulfillmentRequest(id: $id, reason: INVENTORY_OUT_OF_STOCK, message: "none left") { fulfillmentOrder { status requestStatus } userErrors { message } } }`, { id: order.fulfillmentOrders[0].id });
    expect(res.data.fulfillmentOrderRejectFulfillmentRequest).toEqual({ fulfillmentOrder: { status: "OPEN", requestStatus: "REJECTED" }, userErrors: [] });
  });

  it("turns an order cancellation into a cancellation request for an accepted fulfillment order", async () => {
    const { emulator, gql, order, shop, outbound } = await warehouseShop();
    const foId = order.fulfillmentOrders[0].id;
    await gql(`mutation($id: ID!) { fulfillmentOrderAcceptFulfillmentRequest(id: $id) { userErrors { message } } }`, { id: foId });
    emulator.controls.cancelOrder(shop, order.id);
    await emulator.controls.settle();
    expect(outbound.requests.some((r) => r.body === JSON.stringify({ kind: "CANCELLATION_REQUEST" }))).toBe(true);
    const pending = (await gql(ASSIGNED, { status: "CANCELLATION_REQUESTED" })).data.shop.assignedFulfillmentOrders.nodes;
    expect(pending.map((n: Any) => n.id)).toEqual([foId]);
    const accepted = await gql(`mutation($id: ID!) { fulfillmentOrderAcceptCancellationRequest(id: $id) { fulfillmentOrder { status requestStatus } userErrors { message } } }`, { id: foId });
    expect(accepted.data.fulfillmentOrderAcceptCancellationRequest.fulfillmentOrder).toEqual({ status: "CANCELLED", requestStatus: "CANCELLATION_ACCEPTED" });
    expect(emulator.controls.events(shop, "orders/cancelled")).toHaveLength(1);
  });

  it("refuses to accept a fulfillment order twice", async () => {
    const { gql, order } = await warehouseShop();
    const accept = `mutation($id: ID!) { fulfillmentOrderAcceptFulfillmentRequest(id: $id) { userErrors { message } } }`;
    await gql(accept, { id: order.fulfillmentOrders[0].id });
    const again = await gql(accept, { id: order.fulfillmentOrders[0].id });
    expect(again.data.fulfillmentOrderAcceptFulfillmentRequest.userErrors[0].message).toMatch(/Cannot accept the fulfillment request/);
  });
});
