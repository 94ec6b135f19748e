// Entry for `admin.order-details.block.render` (API 2026-10): Preact renders the typed view (src/view.ts) into
// the block. Plain JS so the app's TypeScript project, which has no Preact, does not check it; the CLI bundles it.
import "@shopify/ui-extensions/preact";
import { h, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { loadOrderBlock, orderBlockView } from "./view";

function Block() {
  const [state, setState] = useState({ kind: "loading" });
  useEffect(() => {
    loadOrderBlock(shopify, (url) => fetch(url)).then(setState);
  }, []);
  return orderBlockView(h, shopify, state);
}

export default async () => {
  render(h(Block, null), document.body);
};
