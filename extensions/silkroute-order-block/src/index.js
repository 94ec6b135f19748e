// Entry for `admin.order-details.block.render` (API 2026-10): Preact renders the typed view (src/view.ts) into
// the block. Plain JS so the app's TypeScript project, which has no Preact, does not check it; the CLI bundles it.
import "@shopify/ui-extensions/preact";
import { h, render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { dataUrl, orderBlockView } from "./view";

function Block() {
  const [state, setState] = useState({ kind: "loading" });
  useEffect(() => {
    const url = dataUrl(shopify);
    if (!url) return setState({ kind: "loaded", supplierOrders: [] });
    fetch(url)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body) => setState({ kind: "loaded", supplierOrders: body.supplierOrders }))
      .catch(() => setState({ kind: "error" }));
  }, []);
  return orderBlockView(h, shopify, state);
}

export default async () => {
  render(h(Block, null), document.body);
};
