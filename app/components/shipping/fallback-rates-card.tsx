import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";

export interface FallbackRatesView { state: "on" | "off" | "not-deployed" | "unavailable"; fallbackTitles: string[]; message: string | null }

const BADGES: Record<FallbackRatesView["state"], { label: string; tone?: "success" | "attention" | "critical" }> = {
  on: { label: "On", tone: "success" }, off: { label: "Off" }, "not-deployed": { label: "Not deployed", tone: "attention" }, unavailable: { label: "Unknown", tone: "critical" },
};

/** The delivery customization that hides the merchant's own flat rates whenever Silkroute's rates are shown. */
export function FallbackRatesCard({ view, error, busy }: { view: FallbackRatesView; error?: string; busy: boolean }) {
  const [titles, setTitles] = useState(view.fallbackTitles.join("\n"));
  const badge = BADGES[view.state];
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">Backup rates at checkout</Text>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">
          Keep your own flat rates as a backup: while this is on, checkout shows them only when Silkroute's rates are
          missing (for example, Silkroute did not answer in time), and hides them whenever Silkroute quotes.
        </Text>
        {view.message ? <Banner tone={view.state === "unavailable" ? "critical" : "warning"}>{view.message}</Banner> : null}
        <Form method="post">
          <BlockStack gap="300">
            <input type="hidden" name="intent" value="fallback-enable" />
            <TextField
              label="Names of your backup rates" name="fallbackTitles" value={titles} onChange={setTitles} multiline={3} autoComplete="off"
              helpText="Exactly as they are named in Settings → Shipping and delivery; one per line or separated by commas." error={error}
            />
            <InlineStack>
              <Button submit variant={view.state === "on" ? undefined : "primary"} loading={busy} disabled={view.state === "not-deployed"}>
                {view.state === "on" ? "Update" : "Turn on"}
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
        {view.state === "on" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="fallback-disable" />
            <Button submit loading={busy}>Turn off</Button>
          </Form>
        ) : null}
      </BlockStack>
    </Card>
  );
}
