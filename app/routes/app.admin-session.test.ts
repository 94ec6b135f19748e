import { describe, expect, it } from "vitest";
import { adminRequest, routeArgs, seedInstalledShop } from "../test/admin-session";
import { uniqueShop } from "../test/webhooks";
import { loader as homeLoader } from "./app._index";

describe("an installed shop's admin pages", () => {
  it("load with the session token and no token exchange", async () => {
    const shop = uniqueShop("installed");
    await seedInstalledShop(shop);
    const response = await homeLoader(routeArgs(adminRequest(shop, "/app")));
    expect(await response.json()).toMatchObject({ shop });
  });

  it("load for a fetch with a Bearer session token", async () => {
    const shop = uniqueShop("bearer");
    await seedInstalledShop(shop);
    const response = await homeLoader(routeArgs(adminRequest(shop, "/app", { headers: { Accept: "application/json" } })));
    expect(await response.json()).toMatchObject({ shop });
  });
});
