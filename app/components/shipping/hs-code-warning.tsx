import { Banner } from "@shopify/polaris";
import { checkHsCode } from "../../server/shipping/engine/duties/hs-code";

/** Warns on a product page when its HS code is missing or only a 4-digit heading (EU duty counts 6-digit lines). */
export function HsCodeWarning({ hsCode }: { hsCode: string | null | undefined }) {
  const check = checkHsCode(hsCode);
  if (!check.message) return null;
  return <Banner tone="warning" title="Customs data needs attention">{check.message}</Banner>;
}
