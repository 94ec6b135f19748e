import { describe, expect, it } from "vitest";
import { buildEmulator, buildShop } from "./test-builders";
import type { Emulator } from "./emulator";

const FUNCTIONS = `query { shopifyFunctions(first: 10, apiType: "delivery_customization") { nodes { id handle title apiType apiVersion app { apiKey title } } } }`;
const CREATE = `mutation Create($input: DeliveryCustomizationInput!) {
  deliveryCustomizationCreate(deliveryCustomization: $input) { deliveryCustomization { id functionId title enabled } userErrors { field message code } }
}`;
const UPDATE = `mutation Update($id: ID!, $input: DeliveryCustomizationInput!) {
  deliveryCustomizationUpdate(id: $id, deliveryCustomization: $input) { deliveryCustomization { id title enabled } userErrors { field message code } }
}`;
const LIST = `query { deliveryCustomizations(first: 10) { nodes { id functionId title enabled shopifyFunction { handle }
  metafield(namespace: "$app:silkroute", key: "fallback-rates") { namespace type jsonValue ownerType } } } }`;

type Body = { data: Record<string, { deliveryCustomization: { id: string } | null; userErrors: Array<{ code: string; message: string }> }> };

function installedShop(): { emulator: Emulator; shop: string } {
  const { emulator } = buildEmulator();
  const shop = buildShop(emulator);
  emulator.controls.installApp(shop);
  return { emulator, shop };
}

async function functionId(emulator: Emulator, shop: string): Promise<string> {
  const body = (await emulator.graphql(shop, FUNCTIONS)) as { data: { shopifyFunctions: { nodes: Array<{ id: string }> } } };
  return body.data.shopifyFunctions.nodes[0]!.id;
}

const metafield = { namespace: "$app:silkroute", key: "fallback-rates", type: "json", value: JSON.stringify({ fallbackTitles: ["Flat"], silkrouteCodes: [] }) };

describe("delivery customizations", () => {
  it("lists the installed app's fallback-rates function with a stable id, and none before install", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    expect(await emulator.graphql(shop, FUNCTIONS)).toMatchObject({ data: { shopifyFunctions: { nodes: [] } } });
    emulator.controls.installApp(shop);
    const body = (await emulator.graphql(shop, FUNCTIONS)) as { data: { shopifyFunctions: { nodes: unknown[] } } };
    expect(body.data.shopifyFunctions.nodes).toEqual([{
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), handle: "silkroute-fallback-rates", title: "Silkroute fallback rates",
      apiType: "delivery_customization", apiVersion: "2026-10", app: { apiKey: expect.any(String), title: "Silkroute" },
    }]);
    expect(await functionId(emulator, shop)).toBe(await functionId(emulator, shop));
    const other = (await emulator.graphql(shop, `{ shopifyFunctions(first: 5, apiType: "payment_customization") { nodes { id } } }`)) as { data: { shopifyFunctions: { nodes: unknown[] } } };
    expect(other.data.shopifyFunctions.nodes).toEqual([]);
  });

  it("creates a customization with its metafield and reads it back as JSON", async () => {
    const { emulator, shop } = installedShop();
    const id = await functionId(emulator, shop);
    const created = (await emulator.graphql(shop, CREATE, { input: { functionId: id, title: "Backup rates", enabled: true, metafields: [metafield] } })) as Body;
    expect(created.data.deliveryCustomizationCreate!.userErrors).toEqual([]);
    const list = (await emulator.graphql(shop, LIST)) as { data: { deliveryCustomizations: { nodes: unknown[] } } };
    expect(list.data.deliveryCustomizations.nodes).toEqual([{
      id: created.data.deliveryCustomizationCreate!.deliveryCustomization!.id, functionId: id, title: "Backup rates", enabled: true,
      shopifyFunction: { handle: "silkroute-fallback-rates" },
      metafield: { namespace: expect.stringMatching(/^app--\d+--silkroute$/), type: "json", jsonValue: { fallbackTitles: ["Flat"], silkrouteCodes: [] }, ownerType: "DELIVERY_CUSTOMIZATION" },
    }]);
  });

  it("refuses an unknown function id, a missing function, and a missing title with Shopify's codes", async () => {
    const { emulator, shop } = installedShop();
    const codes = async (input: Record<string, unknown>) => ((await emulator.graphql(shop, CREATE, { input })) as Body).data.deliveryCustomizationCreate!.userErrors.map((e) => e.code);
    expect(await codes({ functionId: "00000000-0000-4000-a000-000000000000", title: "x", enabled: true })).toEqual(["FUNCTION_NOT_FOUND"]);
    expect(await codes({ title: "x", enabled: true })).toEqual(["MISSING_FUNCTION_IDENTIFIER"]);
    expect(await codes({ functionHandle: "silkroute-fallback-rates", enabled: true })).toEqual(["REQUIRED_INPUT_FIELD"]);
    expect(await codes({ functionHandle: "silkroute-fallback-rates", title: "x", enabled: true, metafields: [{ ...metafield, value: "{not json" }] })).toEqual(["INVALID_METAFIELDS"]);
    expect(await emulator.graphql(shop, LIST)).toMatchObject({ data: { deliveryCustomizations: { nodes: [] } } });
  });

  it("updates title, enabled and the metafield in place, and reports an unknown id", async () => {
    const { emulator, shop } = installedShop();
    const created = (await emulator.graphql(shop, CREATE, { input: { functionHandle: "silkroute-fallback-rates", title: "Backup rates", enabled: true, metafields: [metafield] } })) as Body;
    const id = created.data.deliveryCustomizationCreate!.deliveryCustomization!.id;
    const value = JSON.stringify({ fallbackTitles: ["Other"], silkrouteCodes: ["ACME-LINE"] });
    const updated = (await emulator.graphql(shop, UPDATE, { id, input: { enabled: false, metafields: [{ ...metafield, value }] } })) as Body;
    expect(updated.data.deliveryCustomizationUpdate).toEqual({ deliveryCustomization: { id, title: "Backup rates", enabled: false }, userErrors: [] });
    const list = (await emulator.graphql(shop, LIST)) as { data: { deliveryCustomizations: { nodes: Array<{ metafield: { jsonValue: unknown } }> } } };
    expect(list.data.deliveryCustomizations.nodes).toHaveLength(1);
    expect(list.data.deliveryCustomizations.nodes[0]!.metafield.jsonValue).toEqual({ fallbackTitles: ["Other"], silkrouteCodes: ["ACME-LINE"] });
    const missing = (await emulator.graphql(shop, UPDATE, { id: "gid://shopify/DeliveryCustomization/1", input: { enabled: true } })) as Body;
    expect(missing.data.deliveryCustomizationUpdate!.userErrors.map((e) => e.code)).toEqual(["DELIVERY_CUSTOMIZATION_NOT_FOUND"]);
  });

  it("finds a customization by id and as a node", async () => {
    const { emulator, shop } = installedShop();
    const created = (await emulator.graphql(shop, CREATE, { input: { functionHandle: "silkroute-fallback-rates", title: "Backup rates", enabled: true } })) as Body;
    const id = created.data.deliveryCustomizationCreate!.deliveryCustomization!.id;
    const body = await emulator.graphql(shop, `query ($id: ID!) { deliveryCustomization(id: $id) { title } node(id: $id) { ... on DeliveryCustomization { enabled } } }`, { id });
    expect(body).toMatchObject({ data: { deliveryCustomization: { title: "Backup rates" }, node: { enabled: true } } });
  });
});
