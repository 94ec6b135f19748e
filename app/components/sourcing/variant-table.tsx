import { BlockStack, DataTable, Text } from "@shopify/polaris";

export interface VariantRowView {
  id: string; sku: string; specs: string; weightGrams: number | null; dims: string | null; stock: Record<string, number | null>;
  supplierCost: string; cost: string; shipping: string; landed: string; price: string; compareAt: string | null; margin: string; marginBps: number | null;
}

const stockText = (stock: Record<string, number | null>) =>
  Object.entries(stock).map(([w, q]) => `${w}: ${q === null ? "in stock" : q}`).join(", ") || "unknown";

export function VariantTable({ variants }: { variants: VariantRowView[] }) {
  return (
    <DataTable
      columnContentTypes={["text", "text", "numeric", "text", "numeric", "numeric", "numeric"]}
      headings={["Variant", "Stock per warehouse", "Cost", "Est. shipping", "Landed", "Price", "Margin"]}
      rows={variants.map((v) => [
        // The variant keeps a readable width (auto layout otherwise gives it to the long shipping text).
        <div key="variant" style={{ minWidth: 190 }}>
          <BlockStack gap="050">
            <Text as="span">{v.specs}</Text>
            <Text as="span" tone="subdued" variant="bodySm">{`${v.sku} · ${v.weightGrams ?? "?"} g${v.dims ? ` · ${v.dims}` : ""}`}</Text>
          </BlockStack>
        </div>,
        stockText(v.stock), `${v.supplierCost} = ${v.cost}`,
        <div key="shipping" style={{ maxWidth: 220, whiteSpace: "normal" }}>{v.shipping}</div>, v.landed, v.compareAt ? `${v.price} (was ${v.compareAt})` : v.price, `${v.margin} · ${((v.marginBps ?? 0) / 100).toFixed(1)} %`,
      ])}
    />
  );
}
