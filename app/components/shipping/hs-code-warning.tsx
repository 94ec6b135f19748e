import { Banner } from "@shopify/polaris";
import { useT } from "../../i18n/react";
import { checkHsCode } from "../../server/shipping/engine/duties/hs-code";

/** Warns on a product page when its HS code is missing or only a 4-digit heading (EU duty counts 6-digit lines). */
export function HsCodeWarning({ hsCode }: { hsCode: string | null | undefined }) {
  const t = useT("shipping-tools");
  const check = checkHsCode(hsCode);
  if (check.level === "ok") return null;
  return <Banner tone="warning" title={t("hsWarning")}>{t(`import-item:hsCodeCheck.${check.level}`, { code: hsCode ?? "", digits: check.digits })}</Banner>;
}
