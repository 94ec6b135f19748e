import { Badge, BlockStack, Card, DataTable, InlineStack, List, Text } from "@shopify/polaris";
import type { TFunction } from "i18next";
import type { Formatter } from "../../i18n/format";
import { useFormat, useT } from "../../i18n/react";
import type { SimulatedQuote } from "../../server/shipping/simulator.server";
import { ruleLabel, ruleNote } from "./rule-text";
import type { Message } from "../../i18n/message";

type Parcel = SimulatedQuote["parcels"][number];
type Shown = { minor: number; currency: string };

const money = (fmt: Formatter, m: Shown) => fmt.money({ amount: m.minor, currency: m.currency });
const grams = (t: TFunction, fmt: Formatter, g: number) => t("simulator.quote.grams", { grams: fmt.number(g) });

function dutiesText(t: TFunction, fmt: Formatter, p: Parcel): string {
  const d = p.duties;
  const where = d.included
    ? t(d.taxIncluded ? "simulator.quote.where.all" : "simulator.quote.where.dutyFees")
    : d.collectedAt === "none" ? t("simulator.quote.where.none") : t("simulator.quote.where.due", { place: d.collectedAt });
  const values = { duty: money(fmt, d.duty), fees: money(fmt, d.fees), tax: money(fmt, d.tax), where };
  return d.estimate ? t("simulator.quote.dutiesEstimate", values) : t("simulator.quote.duties", values);
}

/** Per parcel: the rule applied with its source, each customs (HS6) line's duty and fees, each fee with its rule and source. */
function CustomsDetail({ parcel, index }: { parcel: Parcel; index: number }) {
  const t = useT("shipping-tools");
  const fmt = useFormat();
  const d = parcel.duties;
  if (d.ruleId === "domestic") return null;
  return (
    <BlockStack gap="100">
      <Text as="h4" variant="headingSm">{t("simulator.quote.customs", { n: index + 1, rule: ruleLabel(t, d.ruleId, d.rule) })} {d.estimate ? <Badge tone="attention">{t("simulator.quote.estimate")}</Badge> : <Badge tone="info">{t("simulator.quote.published")}</Badge>}</Text>
      {ruleNote(t, d.ruleId) ? <Text as="p" tone="subdued">{ruleNote(t, d.ruleId)}</Text> : null}
      <Text as="p" tone="subdued" breakWord>{t("simulator.quote.source", { source: d.ruleSource })}</Text>
      {d.hsLines.length > 0 ? (
        <DataTable
          columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "text"]}
          headings={[t("simulator.quote.hsColumns.line", { count: d.distinctHsLines }), t("simulator.quote.hsColumns.units"), t("simulator.quote.hsColumns.value"), t("simulator.quote.hsColumns.duty"), t("simulator.quote.hsColumns.fees"), t("simulator.quote.hsColumns.basis")]}
          rows={d.hsLines.map((l) => [l.hs6 ?? t("simulator.quote.noHs"), fmt.number(l.units), money(fmt, l.value), money(fmt, l.duty), money(fmt, l.fees), l.basis])}
        />
      ) : null}
      {d.feeCharges.length > 0 ? (
        <List>
          {d.feeCharges.map((f) => {
            const values = { label: ruleLabel(t, f.id, f.label), amount: money(fmt, f.amount), per: f.per === "parcel" ? t("simulator.quote.perParcel") : t("simulator.quote.lines", { count: f.count }), id: f.id, source: f.source };
            const note = ruleNote(t, f.id);
            return <List.Item key={f.id}>{f.estimate ? t("simulator.quote.feeEstimate", values) : t("simulator.quote.fee", values)}{note ? <Text as="span" tone="subdued"> {note}</Text> : null}</List.Item>;
          })}
        </List>
      ) : null}
    </BlockStack>
  );
}

// One row per figure, one column per parcel: the way a merchant reads an invoice.
const ROWS: [string, (p: Parcel, t: TFunction, fmt: Formatter) => string][] = [
  ["route", (p, t) => t(p.serviceCode ? "simulator.quote.routeService" : "simulator.quote.route", { warehouse: p.warehouseCode, zone: p.zoneCode, service: p.serviceCode ?? "" })],
  ["units", (p, _t, fmt) => fmt.number(p.units)],
  ["actual", (p, t, fmt) => grams(t, fmt, p.actualGrams)],
  ["volumetric", (p, t, fmt) => grams(t, fmt, p.volumetricGrams)],
  ["billable", (p, t, fmt) => grams(t, fmt, p.billableGrams)],
  ["base", (p, _t, fmt) => money(fmt, p.base)],
  ["fuel", (p, _t, fmt) => money(fmt, p.fuel)],
  ["remote", (p, _t, fmt) => (p.remoteArea ? money(fmt, p.remote) : "—")],
  ["sensitive", (p, _t, fmt) => money(fmt, p.sensitive)],
  ["handling", (p, _t, fmt) => money(fmt, p.handlingFee)],
  ["markup", (p, _t, fmt) => money(fmt, p.markup)],
  ["free", (p, _t, fmt) => money(fmt, p.freeShipping)],
  ["duties", (p, t, fmt) => dutiesText(t, fmt, p)],
  ["importFees", (p, _t, fmt) => money(fmt, p.duties.fees)],
  ["dispatch", (p, _t, fmt) => fmt.calendarDate(p.dispatchDate)],
  ["total", (p, _t, fmt) => money(fmt, p.total)],
];

export function QuoteBreakdown({ quote }: { quote: SimulatedQuote }) {
  const t = useT("shipping-tools");
  const fmt = useFormat();
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <InlineStack gap="200" blockAlign="center">
            <Text as="h3" variant="headingMd">{quote.serviceName}</Text>
            <Badge>{quote.serviceCode}</Badge>
            <Badge tone={quote.incoterm === "DDP" ? "success" : "attention"}>{quote.incoterm}</Badge>
          </InlineStack>
          <Text as="p" variant="headingMd">{money(fmt, quote.total)}</Text>
        </InlineStack>
        <Text as="p" tone="subdued">{quote.description}</Text>
        <Text as="p">{t("simulator.quote.delivery", { from: fmt.calendarDate(quote.minDeliveryDate), to: fmt.calendarDate(quote.maxDeliveryDate), minDays: quote.minDays, maxDays: quote.maxDays })}</Text>
        <DataTable
          columnContentTypes={["text", ...quote.parcels.map(() => "text" as const)]}
          headings={["", ...quote.parcels.map((_, i) => t("simulator.quote.parcel", { n: i + 1 }))]}
          rows={ROWS.map(([row, cell]) => [t(`simulator.quote.rows.${row}`), ...quote.parcels.map((p) => cell(p, t, fmt))])}
        />
        {quote.parcels.map((p, i) => <CustomsDetail key={i} parcel={p} index={i} />)}
      </BlockStack>
    </Card>
  );
}

export function ExclusionList({ exclusions }: { exclusions: readonly { serviceCode: string | null; reason: string; text: Message }[] }) {
  const t = useT("shipping-tools");
  if (exclusions.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingMd">{t("simulator.quote.notOffered")}</Text>
        <List>
          {exclusions.map((e, i) => (
            <List.Item key={i}><Text as="span" fontWeight="semibold">{e.serviceCode ?? t("simulator.quote.wholeCart")}</Text> ({t(`messages:exclusion.code.${e.reason}`, { defaultValue: e.reason })}): {t(e.text.key, e.text.values)}</List.Item>
          ))}
        </List>
      </BlockStack>
    </Card>
  );
}
