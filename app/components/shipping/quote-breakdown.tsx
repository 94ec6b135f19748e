import { Badge, BlockStack, Card, DataTable, InlineStack, List, Text } from "@shopify/polaris";
import type { SimulatedQuote } from "../../server/shipping/simulator.server";

type Parcel = SimulatedQuote["parcels"][number];

const grams = (g: number) => `${g.toLocaleString("en-US")} g`;

function dutiesText(p: Parcel): string {
  const d = p.duties;
  const where = d.included ? (d.taxIncluded ? "in the price (duty + tax)" : "duty in the price, tax by the store") : d.collectedAt === "none" ? "none due" : `due at ${d.collectedAt}`;
  return `${d.duty.text} duty + ${d.tax.text} tax, ${where} · rule: ${d.rule}`;
}

// One row per figure, one column per parcel: the way a merchant reads an invoice.
const ROWS: [string, (p: Parcel) => string][] = [
  ["Route", (p) => `${p.warehouseCode} → zone ${p.zoneCode}${p.serviceCode ? ` (${p.serviceCode})` : ""}`],
  ["Units", (p) => String(p.units)],
  ["Actual weight", (p) => grams(p.actualGrams)],
  ["Volumetric weight", (p) => grams(p.volumetricGrams)],
  ["Billable weight", (p) => grams(p.billableGrams)],
  ["Base", (p) => p.base.text],
  ["Fuel", (p) => p.fuel.text],
  ["Remote area", (p) => (p.remoteArea ? p.remote.text : "—")],
  ["Sensitive items", (p) => p.sensitive.text],
  ["Handling fee", (p) => p.handlingFee.text],
  ["Markup", (p) => p.markup.text],
  ["Free shipping", (p) => p.freeShipping.text],
  ["Duties and taxes", dutiesText],
  ["Dispatch", (p) => p.dispatchDate],
  ["Parcel total", (p) => p.total.text],
];

export function QuoteBreakdown({ quote }: { quote: SimulatedQuote }) {
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingMd">{quote.serviceName}</Text>
            <Badge>{quote.serviceCode}</Badge>
            <Badge tone={quote.incoterm === "DDP" ? "success" : "attention"}>{quote.incoterm}</Badge>
          </InlineStack>
          <Text as="p" variant="headingMd">{quote.total.text}</Text>
        </InlineStack>
        <Text as="p" tone="subdued">{quote.description}</Text>
        <Text as="p">Delivery {quote.minDeliveryDate} – {quote.maxDeliveryDate} ({quote.minDays}–{quote.maxDays} business days in transit)</Text>
        <DataTable
          columnContentTypes={["text", ...quote.parcels.map(() => "text" as const)]}
          headings={["", ...quote.parcels.map((_, i) => `Parcel ${i + 1}`)]}
          rows={ROWS.map(([label, cell]) => [label, ...quote.parcels.map(cell)])}
        />
      </BlockStack>
    </Card>
  );
}

export function ExclusionList({ exclusions }: { exclusions: readonly { serviceCode: string | null; reason: string; detail: string }[] }) {
  if (exclusions.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingMd">Not offered</Text>
        <List>
          {exclusions.map((e, i) => (
            <List.Item key={i}><Text as="span" fontWeight="semibold">{e.serviceCode ?? "Whole cart"}</Text> ({e.reason}): {e.detail}</List.Item>
          ))}
        </List>
      </BlockStack>
    </Card>
  );
}
