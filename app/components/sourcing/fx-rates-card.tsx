import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { useFormat, useT } from "../../i18n/react";

export interface FxRateView { from: string; to: string; rate: number; source: string; effectiveDate: string; overridden: boolean }

function RateRow({ rate, busy }: { rate: FxRateView; busy: boolean }) {
  const t = useT("settings");
  const fmt = useFormat();
  const [value, setValue] = useState(rate.overridden ? String(rate.rate) : "");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="save-fx" />
      <input type="hidden" name="from" value={rate.from} />
      <input type="hidden" name="to" value={rate.to} />
      <InlineStack gap="300" blockAlign="end">
        <Text as="p">
          {t(rate.overridden ? "fx.rateManual" : "fx.rateReference", { from: rate.from, to: rate.to, rate: rate.rate.toFixed(4), source: rate.source.toUpperCase(), date: fmt.calendarDate(rate.effectiveDate) })}
        </Text>
        <TextField label={t("fx.manualLabel", { from: rate.from, to: rate.to })} name="rate" value={value} onChange={setValue} autoComplete="off" placeholder={t("fx.placeholder")} />
        <Button submit loading={busy}>{t("fx.save")}</Button>
      </InlineStack>
    </Form>
  );
}

export function FxRatesCard({ rates, busy }: { rates: FxRateView[]; busy: boolean }) {
  const t = useT("settings");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">{t("fx.title")}</Text>
        <Text as="p" tone="subdued">{t("fx.intro")}</Text>
        {rates.length === 0 ? <Text as="p">{t("fx.none")}</Text> : rates.map((r) => <RateRow key={r.from} rate={r} busy={busy} />)}
      </BlockStack>
    </Card>
  );
}
