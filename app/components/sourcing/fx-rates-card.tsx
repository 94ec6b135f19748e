import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export interface FxRateView { from: string; to: string; rate: number; source: string; effectiveDate: string; overridden: boolean }

function RateRow({ rate, busy }: { rate: FxRateView; busy: boolean }) {
  const [value, setValue] = useState(rate.overridden ? String(rate.rate) : "");
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="save-fx" />
      <input type="hidden" name="from" value={rate.from} />
      <input type="hidden" name="to" value={rate.to} />
      <InlineStack gap="300" blockAlign="end">
        <Text as="p">
          1 {rate.from} = {rate.rate.toFixed(4)} {rate.to} · {rate.overridden ? "your manual rate" : `${rate.source.toUpperCase()} reference rate of ${rate.effectiveDate}`}
        </Text>
        <TextField label={`Manual ${rate.from}→${rate.to} rate`} name="rate" value={value} onChange={setValue} autoComplete="off" placeholder="Blank = ECB rate" />
        <Button submit loading={busy}>Save</Button>
      </InlineStack>
    </Form>
  );
}

export function FxRatesCard({ rates, busy }: { rates: FxRateView[]; busy: boolean }) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">Currency conversion</Text>
        <Text as="p" tone="subdued">Supplier costs are converted with the European Central Bank's daily reference rate unless you set your own.</Text>
        {rates.length === 0 ? <Text as="p">Your store sells in the suppliers' currency; nothing to convert.</Text> : rates.map((r) => <RateRow key={r.from} rate={r} busy={busy} />)}
      </BlockStack>
    </Card>
  );
}
