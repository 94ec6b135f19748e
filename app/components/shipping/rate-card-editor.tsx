import { Banner, BlockStack, Button, Card, DropZone, InlineStack, List, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { formulaSafeCsv } from "../../server/shipping/engine/csv/formula-safe";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** Paste, edit or drop a CSV card; upload replaces the card with the same code only if the whole card is valid. */
export function RateCardEditor({ code, csv, errors, busy }: { code: string | null; csv: string; errors: readonly string[]; busy: boolean }) {
  const [text, setText] = useState(csv);
  useEffect(() => setText(csv), [csv]);
  const onDrop = (_all: File[], accepted: File[]) => void accepted[0]?.text().then(setText);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="upload" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{code ? `Edit ${code}` : "Upload a rate card"}</Text>
          <Text as="p" tone="subdued">One CSV file per service (format: card, zone, transit, band/first, remote, restrict rows). A card with the code of an existing card replaces it as a new version.</Text>
          {errors.length ? (
            <Banner tone="critical" title="This card was not saved; the previous version stays in use">
              <List>{errors.slice(0, 50).map((e, i) => <List.Item key={i}>{e}</List.Item>)}</List>
            </Banner>
          ) : null}
          <DropZone accept=".csv,text/csv" type="file" allowMultiple={false} onDrop={onDrop} variableHeight>
            <DropZone.FileUpload actionHint="or drop a .csv file" />
          </DropZone>
          <TextField label="CSV" name="csv" value={text} onChange={setText} multiline={14} monospaced autoComplete="off" />
          <InlineStack gap="200">
            <Button submit variant="primary" loading={busy} disabled={!text.trim()}>Upload card</Button>
            <Button disabled={!text.trim()} onClick={() => download(`${code ?? "rate-card"}.csv`, formulaSafeCsv(text))}>Download CSV</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
