import { BlockStack, DataTable, Text } from "@shopify/polaris";
import type { TFunction } from "i18next";
import { useFormat, useT } from "../../i18n/react";
import type { Money } from "../../server/money";

export interface VariantRowView {
  id: string; sku: string; specs: string; weightGrams: number | null; dims: string | null; stock: Record<string, number | null>;
  supplierCost: Money; cost: Money; shipping: { amount: Money; service: string; minDays: number; maxDays: number } | null;
  landed: Money; price: Money; compareAt: Money | null; margin: Money; marginBps: number | null;
}

const stockText = (t: TFunction, stock: Record<string, number | null>) =>
  Object.entries(stock).map(([warehouse, quantity]) => (quantity === null ? t("variants.stockInStock", { warehouse }) : t("variants.stockCount", { warehouse, quantity })))
    .join(", ") || t("variants.stockUnknown");

export function VariantTable({ variants }: { variants: VariantRowView[] }) {
  const t = useT("product");
  const fmt = useFormat();
  return (
    <DataTable
      columnContentTypes={["text", "text", "numeric", "text", "numeric", "numeric", "numeric"]}
      headings={[t("variants.columns.variant"), t("variants.columns.stock"), t("variants.columns.cost"), t("variants.columns.shipping"), t("variants.columns.landed"), t("variants.columns.price"), t("variants.columns.margin")]}
      rows={variants.map((v) => [
        // The variant keeps a readable width (auto layout otherwise gives it to the long shipping text).
        <div key="variant" style={{ minWidth: 190 }}>
          <BlockStack gap="050">
            <span translate="no"><Text as="span">{v.specs}</Text></span>
            <Text as="span" tone="subdued" variant="bodySm">{`${v.sku} · ${v.weightGrams ?? "?"} g${v.dims ? ` · ${v.dims}` : ""}`}</Text>
          </BlockStack>
        </div>,
        stockText(t, v.stock), `${fmt.money(v.supplierCost)} = ${fmt.money(v.cost)}`,
        <div key="shipping" style={{ maxWidth: 220, whiteSpace: "normal" }}>
          {v.shipping ? t("variants.shipping", { amount: fmt.money(v.shipping.amount), service: v.shipping.service, min: v.shipping.minDays, max: v.shipping.maxDays }) : t("variants.noEstimate")}
        </div>,
        fmt.money(v.landed), v.compareAt ? t("variants.priceWas", { price: fmt.money(v.price), compareAt: fmt.money(v.compareAt) }) : fmt.money(v.price),
        `${fmt.money(v.margin)} · ${fmt.percent((v.marginBps ?? 0) / 10_000)}`,
      ])}
    />
  );
}
