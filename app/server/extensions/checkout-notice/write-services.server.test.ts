import { describe, expect, it } from "vitest";
import { useShopifyEmulator } from "../../../test/emulator";
import { uniqueShop } from "../../../test/webhooks";
import { buildRateCardCsv } from "../../shipping/rate-card-fixtures";
import { uploadRateCard } from "../../shipping/rate-cards.server";
import { servicesFrom } from "../../../../extensions/silkroute-checkout-notice/src/notice";
import { writeCheckoutServicesMetafield } from "./write-services.server";

const shopify = useShopifyEmulator();

async function shopMetafield(shop: string) {
  const body = (await shopify.emulator.graphql(shop, `{ shop { metafield(namespace: "$app:silkroute", key: "checkout-services") { namespace key type value } } }`)) as
    { data: { shop: { metafield: { namespace: string; key: string; type: string; value: string } | null } } };
  return body.data.shop.metafield;
}

describe("the checkout notice's services metafield", () => {
  it("holds each rate card's title, origins and incoterm on the shop, in the shape the extension reads", async () => {
    const shop = shopify.createShop({ domain: uniqueShop("notice") });
    expect(await uploadRateCard(shop, buildRateCardCsv({ code: "ACME-DDU", name: "Acme Economy" }))).toMatchObject({ ok: true });
    const admin = await shopify.adminClient(shop);
    expect(await writeCheckoutServicesMetafield(shop, admin)).toEqual({ services: 1 });
    const metafield = (await shopMetafield(shop))!;
    expect(metafield.type).toBe("json");
    const services = servicesFrom([{ target: { type: "shop", id: "gid://shopify/Shop/1" }, metafield }]);
    expect(services).toEqual([{ title: "Acme Economy", origins: ["CN"], incoterm: "DDU" }]);

    // Written again from the same state: the same value, no duplicate.
    await writeCheckoutServicesMetafield(shop, admin);
    expect((await shopMetafield(shop))!.value).toBe(metafield.value);
  });
});
