import { Badge, Banner, BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { useT } from "../../i18n/react";
import type { Message } from "../../i18n/message";

export interface FallbackRatesView { state: "on" | "off" | "not-deployed" | "unavailable"; fallbackTitles: string[]; message: Message | null }

const TONES: Record<FallbackRatesView["state"], "success" | "attention" | "critical" | undefined> = {
  on: "success", off: undefined, "not-deployed": "attention", unavailable: "critical",
};

/** The delivery customization that hides the merchant's own flat rates whenever Silkroute's rates are shown. */
export function FallbackRatesCard({ view, error, busy }: { view: FallbackRatesView; error?: string; busy: boolean }) {
  const [titles, setTitles] = useState(view.fallbackTitles.join("\n"));
  const t = useT("shipping");
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">{t("fallback.title")}</Text>
          <Badge tone={TONES[view.state]}>{t(`fallback.state.${view.state}`)}</Badge>
        </InlineStack>
        <Text as="p" tone="subdued">{t("fallback.intro")}</Text>
        {view.message ? <Banner tone={view.state === "unavailable" ? "critical" : "warning"}>{t(view.message.key, view.message.values)}</Banner> : null}
        <Form method="post">
          <BlockStack gap="300">
            <input type="hidden" name="intent" value="fallback-enable" />
            <TextField
              label={t("fallback.names")} name="fallbackTitles" value={titles} onChange={setTitles} multiline={3} autoComplete="off"
              helpText={t("fallback.namesHelp")} error={error}
            />
            <InlineStack>
              <Button submit variant={view.state === "on" ? undefined : "primary"} loading={busy} disabled={view.state === "not-deployed"}>
                {view.state === "on" ? t("fallback.update") : t("fallback.turnOn")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
        {view.state === "on" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="fallback-disable" />
            <Button submit loading={busy}>{t("fallback.turnOff")}</Button>
          </Form>
        ) : null}
      </BlockStack>
    </Card>
  );
}
