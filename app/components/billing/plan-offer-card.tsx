import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { PlanOffer } from "../../server/billing/plans-page.server";
import { useFormat, useT } from "../../i18n/react";

/** One plan: price, trial, what it includes; a downgrade lists what changes and asks to confirm. */
export function PlanOfferCard({ offer, busy }: { offer: PlanOffer; busy: boolean }) {
  const t = useT("plans");
  const fmt = useFormat();
  const [confirming, setConfirming] = useState(false);
  const plan = t(`common:plans.${offer.key}`, { defaultValue: offer.title });
  const choose = (
    <Form method="post">
      <input type="hidden" name="plan" value={offer.key} />
      <Button submit variant={offer.change === "upgrade" ? "primary" : undefined} tone={offer.change === "downgrade" ? "critical" : undefined} loading={busy}>
        {offer.change === "upgrade" ? t("offer.upgrade", { plan }) : t("offer.confirmDowngrade", { plan })}
      </Button>
    </Form>
  );
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">{plan}</Text>
          {offer.change === "current" ? <Badge tone="success">{t("offer.current")}</Badge> : null}
        </InlineStack>
        <Text as="p" variant="headingLg">{offer.price ? t("offer.price", { price: fmt.money(offer.price) }) : t("offer.free")}</Text>
        {offer.trialDays > 0 ? <Text as="p" tone="subdued">{t("offer.trial", { days: offer.trialDays })}</Text> : null}
        <List>{offer.includes.map((line) => <List.Item key={line.key}>{t(line.key, line.values)}</List.Item>)}</List>
        {offer.change === "upgrade" ? choose : null}
        {offer.change === "downgrade" && !confirming ? <Button onClick={() => setConfirming(true)}>{t("offer.downgrade", { plan })}</Button> : null}
        {offer.change === "downgrade" && confirming ? (
          <Banner tone="warning" title={t("offer.whatChanges", { plan })} onDismiss={() => setConfirming(false)}>
            <BlockStack gap="200">
              <List>{offer.downgradeEffects.map((e) => <List.Item key={e.key}>{t(e.key, e.values)}</List.Item>)}</List>
              {choose}
            </BlockStack>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
