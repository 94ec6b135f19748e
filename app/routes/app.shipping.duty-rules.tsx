import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, Layout, Page, Text } from "@shopify/polaris";
import { ruleCatalog, type RuleRow } from "../server/shipping/engine";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const now = new Date();
  return json({ asOf: now.toISOString().slice(0, 10), rules: ruleCatalog(now) });
};

const STATUS_TONE = { "in-force": "success", upcoming: "info", ended: undefined } as const;

function RuleTable({ rules }: { rules: readonly RuleRow[] }) {
  return (
    <DataTable
      columnContentTypes={["text", "text", "text", "text", "text", "text"]}
      headings={["Rule", "Where", "Lane", "In force", "Basis", "Source"]}
      rows={rules.map((r) => [
        <BlockStack key="rule" gap="050"><Text as="span" fontWeight="semibold">{r.label}</Text><Text as="span" tone="subdued">{r.kind} · {r.id}</Text></BlockStack>,
        r.countries,
        r.lane,
        <BlockStack key="when" gap="050">
          <Text as="span">{r.effectiveFrom.slice(0, 10)} → {r.effectiveTo ? r.effectiveTo.slice(0, 10) : "open"}</Text>
          <Badge tone={STATUS_TONE[r.status]}>{r.daysLeft !== null ? `${r.status}, ${r.daysLeft} days left` : r.status}</Badge>
        </BlockStack>,
        r.estimate ? <Badge key="b" tone="attention">estimate</Badge> : <Badge key="b" tone="info">published</Badge>,
        <Text key="s" as="span" breakWord>{r.source}</Text>,
      ])}
    />
  );
}

/** Every duty and fee rule the rate engine applies, with its dates and source; estimates are marked. */
export default function DutyRules() {
  const { asOf, rules } = useLoaderData<typeof loader>();
  const inForce = rules.filter((r) => r.status === "in-force");
  const other = rules.filter((r) => r.status !== "in-force");
  return (
    <Page title="Duty and fee rules" backAction={{ url: "/app/shipping" }} subtitle={`As of ${asOf}: what checkout applies by destination, lane and date`}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">In force ({inForce.length})</Text>
                <Text as="p" tone="subdued">"Estimate" marks amounts not taken from a published schedule (e.g. average duty percents): set your own rates per product or HS prefix in shipping settings.</Text>
                <RuleTable rules={inForce} />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">Upcoming and ended ({other.length})</Text>
                <RuleTable rules={other} />
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
