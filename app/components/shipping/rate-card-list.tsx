import { Badge, BlockStack, Button, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { Form, Link } from "@remix-run/react";
import { useT } from "../../i18n/react";
import type { RateCardSummary } from "../../server/shipping/rate-cards.server";

function RowAction({ intent, code, label, destructive, effectiveFrom }: { intent: string; code: string; label: string; destructive?: boolean; effectiveFrom?: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="code" value={code} />
      {effectiveFrom !== undefined ? <input type="hidden" name="effectiveFrom" value={effectiveFrom} /> : null}
      <Button submit variant="plain" tone={destructive ? "critical" : undefined}>{label}</Button>
    </Form>
  );
}

export function RateCardList({ cards }: { cards: readonly RateCardSummary[] }) {
  const t = useT("shipping-tools");
  const usingSamples = cards.every((c) => c.sample);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("rateCards.title")}</Text>
        {usingSamples ? <Text as="p" tone="caution">{t("rateCards.samples")}</Text> : null}
        <DataTable
          columnContentTypes={["text", "text", "text", "text", "numeric", "text", "text"]}
          headings={[t("rateCards.columns.service"), t("rateCards.columns.inForce"), t("rateCards.columns.currency"), t("rateCards.columns.incoterm"), t("rateCards.columns.zones"), t("rateCards.columns.status"), ""]}
          rows={cards.map((c) => [
            <BlockStack key="name" gap="050"><span translate="no"><Text as="span" fontWeight="semibold">{c.name}</Text></span><Text as="span" tone="subdued">{c.code}{c.version ? ` · v${c.version}` : ""}</Text></BlockStack>,
            <BlockStack key="period" gap="050">
              <Text as="span">{c.effectiveFrom || c.effectiveUntil ? `${c.effectiveFrom ?? "…"} → ${c.effectiveUntil ?? "…"}` : t("rateCards.always")}</Text>
              {c.period !== "current" ? <Badge tone={c.period === "scheduled" ? "info" : undefined}>{t(`rateCards.period.${c.period}`)}</Badge> : null}
            </BlockStack>,
            <span key="cur" translate="no">{c.currency}</span>,
            <span key="inc" translate="no">{c.incoterm}</span>,
            c.zones,
            c.sample ? <Badge key="s" tone="attention">{t("rateCards.sample")}</Badge> : <Badge key="s" tone={c.active ? "success" : undefined}>{c.active ? t("rateCards.active") : t("rateCards.inactive")}</Badge>,
            <InlineStack key="actions" gap="200">
              <Link to={`?edit=${encodeURIComponent(c.code)}${c.sample ? "" : `&from=${encodeURIComponent(c.effectiveFrom ?? "")}`}`}>{t("rateCards.edit")}</Link>
              {!c.sample ? <RowAction intent={c.active ? "deactivate" : "activate"} code={c.code} label={c.active ? t("rateCards.deactivate") : t("rateCards.activate")} /> : null}
              {!c.sample ? <RowAction intent="delete" code={c.code} effectiveFrom={c.effectiveFrom ?? ""} label={t("rateCards.delete")} destructive /> : null}
            </InlineStack>,
          ])}
        />
      </BlockStack>
    </Card>
  );
}
