import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, Layout, Page, Text } from "@shopify/polaris";
import { ruleCatalog, type RuleRow } from "../server/shipping/engine";
import { authenticate } from "../shopify.server";
import { useFormat, useT } from "../i18n/react";
import { ruleLabel, ruleNote } from "../components/shipping/rule-text";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const now = new Date();
  return json({ asOf: now.toISOString().slice(0, 10), rules: ruleCatalog(now) });
};

const STATUS_TONE = { "in-force": "success", upcoming: "info", ended: undefined } as const;

function RuleTable({ rules }: { rules: readonly RuleRow[] }) {
  const t = useT("shipping-tools");
  const fmt = useFormat();
  return (
    <DataTable
      columnContentTypes={["text", "text", "text", "text", "text", "text"]}
      headings={[t("dutyRules.columns.rule"), t("dutyRules.columns.where"), t("dutyRules.columns.lane"), t("dutyRules.columns.inForce"), t("dutyRules.columns.basis"), t("dutyRules.columns.source")]}
      rows={rules.map((r) => [
        <BlockStack key="rule" gap="050"><Text as="span" fontWeight="semibold">{ruleLabel(t, r.id, r.label)}</Text><Text as="span" tone="subdued">{t(`rules:kind.${r.kind}`)} · <span translate="no">{r.id}</span></Text></BlockStack>,
        t(r.countries.key, r.countries.values),
        r.lane.map((part) => t(part.key, part.values)).join(" · "),
        <BlockStack key="when" gap="050">
          <Text as="span">{fmt.calendarDate(r.effectiveFrom.slice(0, 10))} → {r.effectiveTo ? fmt.calendarDate(r.effectiveTo.slice(0, 10)) : t("dutyRules.open")}</Text>
          <Badge tone={STATUS_TONE[r.status]}>{r.daysLeft !== null ? t("dutyRules.daysLeft", { status: t(`dutyRules.status.${r.status}`), days: r.daysLeft }) : t(`dutyRules.status.${r.status}`)}</Badge>
        </BlockStack>,
        r.estimate ? <Badge key="b" tone="attention">{t("simulator.quote.estimate")}</Badge> : <Badge key="b" tone="info">{t("simulator.quote.published")}</Badge>,
        <BlockStack key="s" gap="050">
          {r.hasNote ? <Text as="span">{ruleNote(t, r.id)}</Text> : null}
          {/* Citations (documents, URLs) are data: shown as written. */}
          <Text as="span" tone="subdued" breakWord><span translate="no">{r.source}</span></Text>
        </BlockStack>,
      ])}
    />
  );
}

/** Every duty and fee rule the rate engine applies, with its dates and source; estimates are marked. */
export default function DutyRules() {
  const { asOf, rules } = useLoaderData<typeof loader>();
  const inForce = rules.filter((r) => r.status === "in-force");
  const other = rules.filter((r) => r.status !== "in-force");
  const t = useT("shipping-tools");
  const fmt = useFormat();
  return (
    <Page title={t("dutyRules.title")} backAction={{ url: "/app/shipping" }} subtitle={t("dutyRules.subtitle", { date: fmt.calendarDate(asOf) })}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">{t("dutyRules.inForce", { count: inForce.length })}</Text>
                <Text as="p" tone="subdued">{t("dutyRules.estimateHelp")}</Text>
                <RuleTable rules={inForce} />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">{t("dutyRules.other", { count: other.length })}</Text>
                <RuleTable rules={other} />
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
