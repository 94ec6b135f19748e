import { describe, expect, it } from "vitest";
import { buildEmulator, buildProductSetInput, buildShop, recordingFetch } from "./test-builders";

const STAGE = `mutation { stagedUploadsCreate(input: [{resource: BULK_MUTATION_VARIABLES, filename: "products.jsonl", mimeType: "text/jsonl", httpMethod: POST}]) {
  stagedTargets { url resourceUrl parameters { name value } } userErrors { message } } }`;
const RUN = `mutation Run($mutation: String!, $path: String!) { bulkOperationRunMutation(mutation: $mutation, stagedUploadPath: $path) {
  bulkOperation { id status } userErrors { field message code } } }`;
const LINE_MUTATION = `mutation call($input: ProductSetInput!) { productSet(input: $input, synchronous: true) { product { id handle } userErrors { message } } }`;

describe("bulk mutations", () => {
  it("runs each JSONL line as the mutation, writes a result file and sends bulk_operations/finish", async () => {
    const receiver = recordingFetch();
    const { emulator } = buildEmulator({ fetch: receiver.fetch });
    await emulator.listen();
    try {
      const shop = buildShop(emulator);
      const { accessToken } = emulator.controls.installApp(shop);
      emulator.controls.subscribeAppWebhooks(["bulk_operations/finish"], "/webhooks/bulk");
      const admin = async (query: string, variables?: Record<string, unknown>) => (await (await fetch(`${emulator.url}/shops/${shop}/admin/api/2026-10/graphql.json`, {
        method: "POST", headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken }, body: JSON.stringify({ query, variables }),
      })).json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

      const target = (await admin(STAGE)).data.stagedUploadsCreate.stagedTargets[0];
      const form = new FormData();
      for (const p of target.parameters) form.append(p.name, p.value);
      const lines = ["a", "b", "c"].map((h) => JSON.stringify({ input: buildProductSetInput({ title: `Item ${h}`, handle: `item-${h}` }) })).join("\n");
      form.append("file", new Blob([lines], { type: "text/jsonl" }), "products.jsonl");
      expect((await fetch(target.url, { method: "POST", body: form })).status).toBe(201);

      const key = target.parameters.find((p: { name: string }) => p.name === "key").value;
      const run = await admin(RUN, { mutation: LINE_MUTATION, path: key });
      expect(run.data.bulkOperationRunMutation).toMatchObject({ bulkOperation: { status: "CREATED" }, userErrors: [] });
      await emulator.controls.settle();

      const polled = await admin(`{ currentBulkOperation(type: MUTATION) { id status objectCount url errorCode } }`);
      const op = polled.data.currentBulkOperation;
      expect(op).toMatchObject({ id: run.data.bulkOperationRunMutation.bulkOperation.id, status: "COMPLETED", objectCount: "3", errorCode: null });
      const byNode = await admin(`query($id: ID!) { node(id: $id) { ... on BulkOperation { status } } }`, { id: op.id });
      expect(byNode.data.node.status).toBe("COMPLETED");
      const results = (await (await fetch(op.url)).text()).trim().split("\n").map((l) => JSON.parse(l));
      expect(results.map((r) => [r.__lineNumber, r.data.productSet.product.handle])).toEqual([[0, "item-a"], [1, "item-b"], [2, "item-c"]]);
      expect(emulator.controls.products(shop)).toHaveLength(3);
      const finish = receiver.requests.find((r) => r.headers.get("x-shopify-topic") === "bulk_operations/finish")!;
      expect(JSON.parse(finish.body)).toMatchObject({ admin_graphql_api_id: op.id, status: "completed", type: "mutation", error_code: null });
    } finally {
      await emulator.close();
    }
  });

  it("refuses a staged path that was never uploaded with NO_SUCH_FILE", async () => {
    const { emulator } = buildEmulator();
    const shop = buildShop(emulator);
    const res = (await emulator.graphql(shop, RUN, { mutation: LINE_MUTATION, path: "tmp/nope.jsonl" })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(res.data.bulkOperationRunMutation).toMatchObject({ bulkOperation: null, userErrors: [{ code: "NO_SUCH_FILE", field: ["stagedUploadPath"] }] });
  });
});
