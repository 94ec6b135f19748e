// Entry for `purchase.checkout.shipping-option-item.render-after` (API 2026-10): Preact renders the pure view
// (src/notice.ts), re-rendering when the option, the selection, the address or the metafields change (signals).
// Plain JS outside the app's TypeScript project, as the admin blocks; the CLI bundles it.
import "@shopify/ui-extensions/preact";
import { h, render } from "preact";
import { noticeView } from "./notice";

function Notice() {
  return noticeView(h, shopify);
}

export default async () => {
  render(h(Notice, null), document.body);
};
