import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, InlineStack, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { FulfilViaChoice } from "./fulfil-via-choice";
import { useT } from "../../i18n/react";

export interface CsvErrorView { line: number; text: string; message: string }

/** Bulk linking: Shopify variant id or SKU → supplier + supplier SKU; bad lines come back numbered, nothing lost. */
export function CsvLinkCard({ errors, errorReport, busy }: { errors: CsvErrorView[] | null; errorReport: string | null; busy: boolean }) {
  const t = useT("linking");
  const [text, setText] = useState("");
  const [via, setVia] = useState("silkroute_location");
  return (
    <Card>
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="csv" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{t("csv.title")}</Text>
          <Text as="p" tone="subdued">{t("csv.help")}</Text>
          <input type="file" name="csvFile" accept=".csv,text/csv" aria-label={t("csv.file")} />
          <TextField label={t("csv.paste")} name="csvText" value={text} onChange={setText} multiline={4} autoComplete="off"
            placeholder={"sku,supplier,supplier_sku\nMY-SKU-1,sandbox,SBX000001-01"} /* i18n-ignore: sample CSV rows */ />
          <FulfilViaChoice value={via} onChange={setVia} />
          <InlineStack><Button submit loading={busy}>{t("csv.submit")}</Button></InlineStack>
          {errors?.length ? (
            <BlockStack gap="200">
              <DataTable columnContentTypes={["numeric", "text", "text"]} headings={[t("csv.columns.line"), t("csv.columns.problem"), t("csv.columns.row")]} rows={errors.map((e) => [e.line, e.message, e.text])} />
              {errorReport ? <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(errorReport)}`} download="silkroute-link-errors.csv">{t("csv.report")}</a> : null}
            </BlockStack>
          ) : null}
        </BlockStack>
      </Form>
    </Card>
  );
}
