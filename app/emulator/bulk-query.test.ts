import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, recordingFetch } from "./test-builders";

describe("bulk queries and productUpdate", () => {
  it("runs a bulk query over every node and writes Shopify's JSONL: one line per node, nested nodes with __parentId", async () => {
    const receiver = recordingFetch();
    const { emulator } = buildEmulator({ fetch: receiver.fetch });
    await emulator.listen();
    try {
      const shop = buildShop(emulator);
      emulator.controls.installApp(shop);
      const gql = async (query: string, variables?: Record<string, unknown>) => (await emulator.graphql(shop, query, variables)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const h of ["a", "b"]) await gql(`mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id } } }`, { input: buildProductSetInput({ title: h, handle: h }) });

      const run = await gql(`mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { message } } }`, {
        q: `{ products { edges { node { id title variants { edges { node { id sku } } } } } } }`,
      });
      expect(run.data.bulkOperationRunQuery).toMatchObject({ bulkOperation: { status: "CREATED" }, userErrors: [] });
      await emulator.controls.settle();
      const op = (await gql(`{ currentBulkOperation(type: QUERY) { status url rootObjectCount objectCount } }`)).data.currentBulkOperation;
      expect(op).toMatchObject({ status: "COMPLETED", rootObjectCount: "2", objectCount: "6" });
      const lines = (await (await fetch(op.url)).text()).trim().split("\n").map((l) => JSON.parse(l));
      const products = lines.filter((l) => !l.__parentId);
      expect(products.map((p) => p.title)).toEqual(["a", "b"]);
      expect(lines.filter((l) => l.__parentId === products[0].id).map((v) => v.sku)).toEqual(["SCARF-RED", "SCARF-BLUE"]);
    } finally {
      await emulator.close();
    }
  });

  it("productUpdate changes only the fields it is given and sends products/update", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    emulator.controls.installApp(shop);
    const gql = async (query: string, variables?: Record<string, unknown>) => (await emulator.graphql(shop, query, variables)) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const id = (await gql(`mutation($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id } } }`, { input: buildProductSetInput() })).data.productSet.product.id;
    const updated = await gql(`mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { product { status title variants(first: 5) { nodes { price } } } userErrors { message } } }`, { p: { id, status: "DRAFT" } });
    expect(updated.data.productUpdate).toMatchObject({ product: { status: "DRAFT", title: "Silk Scarf", variants: { nodes: [{ price: "19.99" }, { price: "21.00" }] } }, userErrors: [] });
    expect(emulator.core.shops.get(shop)!.events.at(-1)).toMatchObject({ topic: "products/update", payload: { status: "draft" } });
  });
});
