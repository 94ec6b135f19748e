import { ChoiceList } from "@shopify/polaris";

/** Where a linked product's stock lives (ADR 2010); the value travels in the form as `fulfilVia`. */
export function FulfilViaChoice({ value, onChange, title = "Orders for these products" }: { value: string; onChange: (v: string) => void; title?: string }) {
  return (
    <>
    <input type="hidden" name="fulfilVia" value={value} />
    <ChoiceList
      title={title}
      choices={[
        { label: "Move its stock to the supplier warehouse's Silkroute location (Shopify sends its orders to Silkroute)", value: "silkroute_location" },
        { label: "Keep stocking it at my location; Silkroute fulfils it as set under \"Orders for linked products\"", value: "merchant_location" },
      ]}
      selected={[value]}
      onChange={(v) => onChange(v[0] ?? "silkroute_location")}
    />
    </>
  );
}
