import { Badge, Banner, BlockStack, Button, Card, InlineStack, List, Text } from "@shopify/polaris";
import { Form, Link } from "@remix-run/react";
import { useT } from "../../i18n/react";
import type { Message } from "../../i18n/message";

export interface CarrierServiceView { status: string; message: Message | null; gid: string | null; callbackUrl: string; checkedAt: string | null }

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
  const t = useT("shipping");
  // Shopify's refusal as it wrote it, with our note about the plan in the merchant's language.
  const said = view.message ? t(view.message.key, view.message.values) : null;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("carrier.title")}</Text>
          <Badge tone={TONES[view.status]}>{t(`carrier.status.${view.status}`, { defaultValue: view.status })}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">{t("carrier.intro", { url: view.callbackUrl })}</Text>
        {view.status === "ineligible" ? (
          <Banner tone="warning" title={t("carrier.ineligible.title")}>
            <BlockStack gap="200">
              <Text as="p">{t("carrier.ineligible.body")}</Text>
              {said ? <Text as="p" tone="subdued">{t("carrier.shopifySaid", { message: said })}</Text> : null}
              <Text as="p">{t("carrier.ineligible.meanwhile")}</Text>
              <List>
                <List.Item>{t("carrier.ineligible.manualRates")}</List.Item>
                <List.Item>{t("carrier.ineligible.simulatorBefore")}<Link to="/app/shipping/simulator">{t("carrier.ineligible.simulatorLink")}</Link>{t("carrier.ineligible.simulatorAfter")}</List.Item>
              </List>
            </BlockStack>
          </Banner>
        ) : null}
        {view.status === "failed" && said ? <Banner tone="critical" title={t("carrier.refused")}>{said}</Banner> : null}
        <InlineStack gap="200">
          {view.status !== "active" ? <Action intent="register" label={t("carrier.turnOn")} primary /> : <Action intent="register" label={t("carrier.update")} />}
          {view.status === "active" ? <Action intent="deactivate" label={t("carrier.turnOff")} /> : null}
          {view.gid ? <Action intent="delete" label={t("carrier.remove")} destructive /> : null}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
