import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { PlanOffer } from "../../server/billing/plans-page.server";

/** One plan: price, trial, what it includes; a downgrade lists what changes and asks to confirm. */
export function PlanOfferCard({ offer, busy }: { offer: PlanOffer; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const choose = (
    <Form method="post">
      <input type="hidden" name="plan" value={offer.key} />
      <Button submit variant={offer.change === "upgrade" ? "primary" : undefined} tone={offer.change === "downgrade" ? "critical" : undefined} loading={busy}>
        {offer.change === "upgrade" ? `Upgrade to ${offer.title}` : `Confirm downgrade to ${offer.title}`}
      </Button>
    </Form>
  );
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{offer.title}</Text>
          {offer.change === "current" ? <Badge tone="success">Current plan</Badge> : null}
        </InlineStack>
        <Text as="p" variant="headingLg">{offer.priceLabel}</Text>
        {offer.trialLabel ? <Text as="p" tone="subdued">{offer.trialLabel}</Text> : null}
        <List>{offer.includes.map((line) => <List.Item key={line}>{line}</List.Item>)}</List>
        {offer.change === "upgrade" ? choose : null}
        {offer.change === "downgrade" && !confirming ? <Button onClick={() => setConfirming(true)}>{`Downgrade to ${offer.title}`}</Button> : null}
        {offer.change === "downgrade" && confirming ? (
          <Banner tone="warning" title={`What changes on ${offer.title}`} onDismiss={() => setConfirming(false)}>
            <BlockStack gap="200">
              <List>{offer.downgradeEffects.map((e) => <List.Item key={e}>{e}</List.Item>)}</List>
              {choose}
            </BlockStack>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
