import { DataTable } from "@shopify/polaris";

export interface VariantRowView {
  id: string; sku: string; specs: string; weightGrams: number | null; dims: string | null; stock: Record<string, number | null>;
  supplierCost: string; cost: string; shipping: string; landed: string; price: string; compareAt: string | null; margin: string; marginBps: number | null;
}

const stockText = (stock: Record<string, number | null>) =>
  Object.entries(stock).map(([w, q]) => `${w}: ${q === null ? "in stock" : q}`).join(", ") || "unknown";

export function VariantTable({ variants }: { variants: VariantRowView[] }) {
  return (
    <DataTable
      columnContentTypes={["text", "text", "text", "numeric", "numeric", "text", "numeric", "numeric", "numeric"]}
      headings={["Variant", "Stock per warehouse", "Weight / size", "Supplier cost", "Cost", "Est. shipping", "Landed", "Price", "Margin"]}
      rows={variants.map((v) => [
        `${v.specs} (${v.sku})`, stockText(v.stock), `${v.weightGrams ?? "?"} g${v.dims ? `, ${v.dims}` : ""}`, v.supplierCost, v.cost,
        v.shipping, v.landed, v.compareAt ? `${v.price} (was ${v.compareAt})` : v.price, `${v.margin} · ${((v.marginBps ?? 0) / 100).toFixed(1)} %`,
      ])}
    />
  );
}
