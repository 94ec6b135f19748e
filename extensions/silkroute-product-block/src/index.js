// Entry for `admin.product-details.block.render` (API 2026-10): prices from Shopify via Direct API access, supplier
// data from the app, rendered with Preact through the typed view (src/view.ts). Plain JS: see the order block.
import "@shopify/ui-extensions/preact";
import { h, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { loadProductBlock, productBlockView } from "./view";

function Block() {
  const [state, setState] = useState({ kind: "loading" });
  useEffect(() => {
    loadProductBlock(shopify, (url) => fetch(url)).then(setState);
  }, []);
  return productBlockView(h, shopify, state);
}

export default async () => {
  render(h(Block, null), document.body);
};
