import { Badge, BlockStack, Button, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { Form, Link } from "@remix-run/react";
import type { RateCardSummary } from "../../server/shipping/rate-cards.server";

function RowAction({ intent, code, label, destructive }: { intent: string; code: string; label: string; destructive?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="code" value={code} />
      <Button submit variant="plain" tone={destructive ? "critical" : undefined}>{label}</Button>
    </Form>
  );
}

export function RateCardList({ cards }: { cards: readonly RateCardSummary[] }) {
  const usingSamples = cards.every((c) => c.sample);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Rate cards</Text>
        {usingSamples ? <Text as="p" tone="caution">Checkout uses Silkroute's SAMPLE cards (placeholder prices) until you upload your contracted cards. From your first upload on, only your cards are used.</Text> : null}
        <DataTable
          columnContentTypes={["text", "text", "text", "numeric", "text", "text"]}
          headings={["Service", "Currency", "Incoterm", "Zones", "Status", ""]}
          rows={cards.map((c) => [
            <BlockStack key="name" gap="050"><Text as="span" fontWeight="semibold">{c.name}</Text><Text as="span" tone="subdued">{c.code}{c.version ? ` · v${c.version}` : ""}</Text></BlockStack>,
            c.currency,
            c.incoterm,
            c.zones,
            c.sample ? <Badge key="s" tone="attention">sample</Badge> : <Badge key="s" tone={c.active ? "success" : undefined}>{c.active ? "active" : "inactive"}</Badge>,
            <InlineStack key="actions" gap="200">
              <Link to={`?edit=${encodeURIComponent(c.code)}`}>Edit / download</Link>
              {!c.sample ? <RowAction intent={c.active ? "deactivate" : "activate"} code={c.code} label={c.active ? "Deactivate" : "Activate"} /> : null}
              {!c.sample ? <RowAction intent="delete" code={c.code} label="Delete" destructive /> : null}
            </InlineStack>,
          ])}
        />
      </BlockStack>
    </Card>
  );
}
