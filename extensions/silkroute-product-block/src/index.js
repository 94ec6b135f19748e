// Entry for `admin.product-details.block.render` (API 2026-10): prices from Shopify via Direct API access, supplier
// data from the app, rendered with Preact through the typed view (src/view.ts). Plain JS: see the order block.
import "@shopify/ui-extensions/preact";
import { h, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { dataUrl, PRICES_QUERY, productBlockView } from "./view";

function Block() {
  const [state, setState] = useState({ kind: "loading" });
  useEffect(() => {
    const id = shopify.data.selected[0]?.id;
    (async () => {
      const { data } = await shopify.query(PRICES_QUERY, { variables: { id } });
      const currency = data.shop.currencyCode;
      const response = await fetch(dataUrl(shopify, currency));
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      setState({ kind: "loaded", currency, prices: data.product?.variants.nodes ?? [], variants: body.variants, remapPath: body.remapPath });
    })().catch(() => setState({ kind: "error" }));
  }, []);
  return productBlockView(h, shopify, state);
}

export default async () => {
  render(h(Block, null), document.body);
};
