import { Badge, BlockStack, Card, DataTable, InlineStack, List, Text } from "@shopify/polaris";
import type { SimulatedQuote } from "../../server/shipping/simulator.server";

type Parcel = SimulatedQuote["parcels"][number];

const grams = (g: number) => `${g.toLocaleString("en-US")} g`;

function dutiesText(p: Parcel): string {
  const d = p.duties;
  const where = d.included ? (d.taxIncluded ? "in the price (duty + fees + tax)" : "duty and fees in the price, tax by the store") : d.collectedAt === "none" ? "none due" : `due at ${d.collectedAt}`;
  return `${d.duty.text} duty + ${d.fees.text} fees + ${d.tax.text} tax, ${where}${d.estimate ? " · includes estimates" : ""}`;
}

/** Per parcel: the rule applied with its source, each customs (HS6) line's duty and fees, each fee with its rule and source. */
function CustomsDetail({ parcel, index }: { parcel: Parcel; index: number }) {
  const d = parcel.duties;
  if (d.ruleId === "domestic") return null;
  return (
    <BlockStack gap="100">
      <Text as="h4" variant="headingSm">Parcel {index + 1} customs: {d.rule} {d.estimate ? <Badge tone="attention">estimate</Badge> : <Badge tone="info">published</Badge>}</Text>
      <Text as="p" tone="subdued" breakWord>Source: {d.ruleSource}</Text>
      {d.hsLines.length > 0 ? (
        <DataTable
          columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "text"]}
          headings={[`HS line (${d.distinctHsLines})`, "Units", "Value", "Duty", "Per-line fees", "Rate from"]}
          rows={d.hsLines.map((l) => [l.hs6 ?? "no HS code", l.units, l.value.text, l.duty.text, l.fees.text, l.basis])}
        />
      ) : null}
      {d.feeCharges.length > 0 ? (
        <List>
          {d.feeCharges.map((f) => (
            <List.Item key={f.id}>
              {f.label}: {f.amount.text} ({f.per === "parcel" ? "per parcel" : `${f.count} line${f.count > 1 ? "s" : ""}`}){f.estimate ? " · estimate" : ""} · rule {f.id} · source: {f.source}
            </List.Item>
          ))}
        </List>
      ) : null}
    </BlockStack>
  );
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
  ["Import fees", (p) => p.duties.fees.text],
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
        {quote.parcels.map((p, i) => <CustomsDetail key={i} parcel={p} index={i} />)}
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
