import { BlockStack, Button, Card, FormLayout, InlineGrid, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { useT } from "../../i18n/react";
import type { Message } from "../../i18n/message";

export interface SimulatorLine { sku: string; quantity: string; grams: string; price: string; hsCode?: string }
export interface SimulatorValues { country: string; postalCode: string; province: string; currency: string; lines: SimulatorLine[] }

const EMPTY_LINE: SimulatorLine = { sku: "", quantity: "1", grams: "", price: "" };

/** Cart lines (mapped SKUs use the supplier's data) and a destination; empty lines are ignored. */
export function SimulatorForm({ initial, errors, busy, lineCount }: { initial: SimulatorValues; errors: Record<string, Message>; busy: boolean; lineCount: number }) {
  const t = useT("shipping-tools");
  const [v, setV] = useState(initial);
  const lines = Array.from({ length: lineCount }, (_, i) => v.lines[i] ?? EMPTY_LINE);
  const error = (key: string) => (errors[key] ? t(errors[key]!.key, errors[key]!.values) : undefined);
  const setLine = (i: number, key: keyof SimulatorLine) => (value: string) =>
    setV({ ...v, lines: lines.map((l, j) => (j === i ? { ...l, [key]: value } : l)) });
  const field = (key: "country" | "postalCode" | "province" | "currency", label: string) => (
    <TextField label={label} name={key} value={v[key]} onChange={(value) => setV({ ...v, [key]: value })} error={error(key)} autoComplete="off" />
  );
  return (
    <Form method="post">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("simulator.form.heading")}</Text>
          <FormLayout>
            <InlineGrid columns={4} gap="200">
              {field("country", t("simulator.form.country"))}
              {field("postalCode", t("simulator.form.postalCode"))}
              {field("province", t("simulator.form.province"))}
              {field("currency", t("simulator.form.currency"))}
            </InlineGrid>
            {errors.lines ? <Text as="p" tone="critical">{error("lines")}</Text> : null}
            {lines.map((line, i) => (
              <InlineGrid key={i} columns={5} gap="200">
                <TextField label={t("simulator.form.sku", { n: i + 1 })} name={`sku_${i}`} value={line.sku} onChange={setLine(i, "sku")} autoComplete="off" helpText={i === 0 ? t("simulator.form.skuHelp") : undefined} />
                <TextField label={t("simulator.form.quantity")} type="number" name={`quantity_${i}`} value={line.quantity} onChange={setLine(i, "quantity")} error={error(`lines.${i}.quantity`)} autoComplete="off" />
                <TextField label={t("simulator.form.grams")} type="number" name={`grams_${i}`} value={line.grams} onChange={setLine(i, "grams")} error={error(`lines.${i}.grams`)} autoComplete="off" />
                <TextField label={t("simulator.form.price")} name={`price_${i}`} value={line.price} onChange={setLine(i, "price")} error={error(`lines.${i}.price`)} autoComplete="off" />
                <TextField label={t("simulator.form.hsCode")} name={`hs_${i}`} value={line.hsCode ?? ""} onChange={setLine(i, "hsCode")} error={error(`lines.${i}.hsCode`)} autoComplete="off" helpText={i === 0 ? t("simulator.form.hsHelp") : undefined} />
              </InlineGrid>
            ))}
            <Button submit variant="primary" loading={busy}>{t("simulator.form.submit")}</Button>
          </FormLayout>
        </BlockStack>
      </Card>
    </Form>
  );
}
