import { graphql, http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fakeClock } from "../../test/fake-clock";
import { AdminClient } from "./admin-client";
import { AdminGraphqlError, AdminHttpError, AdminRetriesExhausted, AdminUserErrors } from "./admin-errors";
import { CostPacer } from "./cost-pacer";

const SHOP = "pacing.myshopify.com";
const admin = graphql.link(`https://${SHOP}/admin/api/2026-10/graphql.json`);
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const cost = (requested: number, available: number, restoreRate = 100) => ({
  cost: {
    requestedQueryCost: requested,
    actualQueryCost: requested,
    throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate },
  },
});

const throttled = (requested: number, available: number) =>
  HttpResponse.json({
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
    extensions: { cost: { requestedQueryCost: requested, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 } } },
  });

function client(clock = fakeClock()) {
  return { clock, admin: new AdminClient({ shop: SHOP, accessToken: "shpat_test", clock, pacer: new CostPacer(clock), random: () => 1 }) };
}

const QUERY = `#graphql
  query silkrouteTestProbe { shop { name } }`;
const MUTATION = `#graphql
  mutation silkrouteTestSet($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { field message } } }`;

describe("AdminClient", () => {
  it("waits for the bucket to refill instead of sending a query it cannot afford", async () => {
    server.use(admin.query("silkrouteTestProbe", () => HttpResponse.json({ data: { shop: { name: "A" } }, extensions: cost(500, 100) })));
    const { admin: c, clock } = client();
    await c.request(QUERY); // learns: 500 points per call, 100 left, 100/s
    clock.sleeps.length = 0;
    await c.request(QUERY);
    // 400 points missing at 100 points/s: four seconds of waiting before the second call.
    expect(clock.sleeps).toEqual([4000]);
  });

  it("retries a THROTTLED answer after the bucket has restored enough points", async () => {
    let calls = 0;
    server.use(
      http.post(`https://${SHOP}/admin/api/2026-10/graphql.json`, () => {
        calls += 1;
        return calls === 1 ? throttled(300, 50) : HttpResponse.json({ data: { shop: { name: "A" } }, extensions: cost(300, 1700) });
      }),
    );
    const { admin: c, clock } = client();
    expect(await c.request(QUERY)).toEqual({ shop: { name: "A" } });
    expect(calls).toBe(2);
    expect(clock.sleeps.some((ms) => ms >= 2500)).toBe(true); // 250 points at 100/s
  });

  it("retries 5xx answers with growing backoff and then succeeds", async () => {
    let calls = 0;
    server.use(
      http.post(`https://${SHOP}/admin/api/2026-10/graphql.json`, () => {
        calls += 1;
        return calls < 3 ? new HttpResponse("upstream", { status: 502 }) : HttpResponse.json({ data: { shop: { name: "A" } }, extensions: cost(1, 1999) });
      }),
    );
    const { admin: c, clock } = client();
    await c.request(QUERY);
    expect(calls).toBe(3);
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it("gives up after its attempts with a clear error", async () => {
    server.use(http.post(`https://${SHOP}/admin/api/2026-10/graphql.json`, () => new HttpResponse(null, { status: 503 })));
    const { admin: c } = client();
    await expect(c.request(QUERY)).rejects.toThrow(AdminRetriesExhausted);
  });

  it("does not retry a 401: the token is wrong, waiting will not help", async () => {
    server.use(http.post(`https://${SHOP}/admin/api/2026-10/graphql.json`, () => new HttpResponse(null, { status: 401 })));
    const { admin: c, clock } = client();
    await expect(c.request(QUERY)).rejects.toThrow(AdminHttpError);
    expect(clock.sleeps).toEqual([]);
  });

  it("turns mutation userErrors into a typed AdminUserErrors", async () => {
    server.use(
      admin.mutation("silkrouteTestSet", () =>
        HttpResponse.json({ data: { productDelete: { deletedProductId: null, userErrors: [{ field: ["id"], message: "Product does not exist" }] } }, extensions: cost(10, 1990) }),
      ),
    );
    const { admin: c } = client();
    const error = await c.request(MUTATION, { id: "gid://shopify/Product/1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminUserErrors);
    expect((error as AdminUserErrors).message).toBe("silkrouteTestSet was refused: id: Product does not exist");
  });

  it("surfaces top-level GraphQL errors without retrying them", async () => {
    server.use(admin.query("silkrouteTestProbe", () => HttpResponse.json({ errors: [{ message: "Access denied for shop field." }] })));
    const { admin: c } = client();
    await expect(c.request(QUERY)).rejects.toThrow(AdminGraphqlError);
  });
});
