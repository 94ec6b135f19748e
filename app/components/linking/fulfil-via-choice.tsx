import { ChoiceList } from "@shopify/polaris";
import { useT } from "../../i18n/react";

/** Where a linked product's stock lives (ADR 2010); the value travels in the form as `fulfilVia`. */
export function FulfilViaChoice({ value, onChange, title }: { value: string; onChange: (v: string) => void; title?: string }) {
  const t = useT("linking");
  return (
    <>
    <input type="hidden" name="fulfilVia" value={value} />
    <ChoiceList
      title={title ?? t("fulfilVia.title")}
      choices={[
        { label: t("fulfilVia.silkroute"), value: "silkroute_location" },
        { label: t("fulfilVia.merchant"), value: "merchant_location" },
      ]}
      selected={[value]}
      onChange={(v) => onChange(v[0] ?? "silkroute_location")}
    />
    </>
  );
}
