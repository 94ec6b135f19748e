import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { Form, Link } from "@remix-run/react";

export interface CarrierServiceView { status: string; message: string | null; gid: string | null; callbackUrl: string; checkedAt: string | null }

const TONES: Record<string, "success" | "attention" | "critical" | undefined> = { active: "success", inactive: "attention", ineligible: "critical", failed: "critical" };

function Action({ intent, label, primary, destructive }: { intent: string; label: string; primary?: boolean; destructive?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button submit variant={primary ? "primary" : undefined} tone={destructive ? "critical" : undefined}>{label}</Button>
    </Form>
  );
}

/** Registration status with the next sensible actions, and what to do when the plan cannot have checkout rates. */
export function CarrierServiceCard({ view }: { view: CarrierServiceView }) {
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">Checkout rates</Text>
          <Badge tone={TONES[view.status]}>{view.status}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">Shopify asks Silkroute for rates at {view.callbackUrl}. Turning rates on registers Silkroute's carrier service and adds it to a shipping profile: from Shopify's 2026-10 API a carrier service is in no profile by itself.</Text>
        {view.status === "ineligible" ? (
          <Banner tone="warning" title="This store's plan cannot show carrier-calculated rates">
            <BlockStack gap="200">
              <Text as="p">Shopify only lets apps provide checkout rates on Advanced Shopify or higher, Shopify Plus, development stores, or with the carrier-calculated shipping add-on (ask Shopify Support; some plans get it when billed yearly).</Text>
              {view.message ? <Text as="p" tone="subdued">Shopify said: {view.message}</Text> : null}
              <Text as="p">Until then you can:</Text>
              <List>
                <List.Item>Set flat or weight-based rates in Settings → Shipping and delivery in your Shopify admin.</List.Item>
                <List.Item>Use the <Link to="/app/shipping/simulator">rate simulator</Link> to get Silkroute's prices for typical carts and copy them into those manual rates.</List.Item>
              </List>
            </BlockStack>
          </Banner>
        ) : null}
        {view.status === "failed" && view.message ? <Banner tone="critical" title="Shopify refused the change">{view.message}</Banner> : null}
        <InlineStack gap="200">
          {view.status !== "active" ? <Action intent="register" label="Turn on checkout rates" primary /> : <Action intent="register" label="Update registration" />}
          {view.status === "active" ? <Action intent="deactivate" label="Turn off checkout rates" /> : null}
          {view.gid ? <Action intent="delete" label="Remove from Shopify" destructive /> : null}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
