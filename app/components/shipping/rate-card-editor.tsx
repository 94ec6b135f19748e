import { Banner, BlockStack, Button, Card, DropZone, InlineStack, List, Text, TextField } from "@shopify/polaris";
import { Form } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useT } from "../../i18n/react";
import { formulaSafeCsv } from "../../server/shipping/engine/csv/formula-safe";
import type { UploadProblem } from "../../server/shipping/rate-cards.server";
import type { TFunction } from "i18next";

/** One refusal reason, placed where it was found: a CSV line, the card, a setting of the card, the file. */
function problemText(t: TFunction, p: UploadProblem): string {
  const error = t(p.detail.key, p.detail.values);
  if (p.at === "line") return t("messages:rateCard.lineError", { line: p.line, error });
  if (p.at === "card") return t("messages:rateCard.cardError", { error });
  if (p.at === "path") return t("messages:rateCard.pathError", { path: p.path, error });
  return error;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** Paste, edit or drop a CSV card; upload replaces the card with the same code only if the whole card is valid. */
export function RateCardEditor({ code, csv, problems, busy }: { code: string | null; csv: string; problems: readonly UploadProblem[]; busy: boolean }) {
  const t = useT("shipping-tools");
  const [text, setText] = useState(csv);
  useEffect(() => setText(csv), [csv]);
  const onDrop = (_all: File[], accepted: File[]) => void accepted[0]?.text().then(setText);
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="upload" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">{code ? t("rateCards.editor.editTitle", { code }) : t("rateCards.editor.uploadTitle")}</Text>
          <Text as="p" tone="subdued">{t("rateCards.editor.help")}</Text>
          {problems.length ? (
            <Banner tone="critical" title={t("rateCards.editor.notSaved")}>
              <List>{problems.slice(0, 50).map((p, i) => <List.Item key={i}>{problemText(t, p)}</List.Item>)}</List>
            </Banner>
          ) : null}
          <DropZone accept=".csv,text/csv" type="file" allowMultiple={false} onDrop={onDrop} variableHeight>
            <DropZone.FileUpload actionHint={t("rateCards.editor.dropHint")} />
          </DropZone>
          <TextField label={t("rateCards.editor.csv")} name="csv" value={text} onChange={setText} multiline={14} monospaced autoComplete="off" />
          <InlineStack gap="200">
            <Button submit variant="primary" loading={busy} disabled={!text.trim()}>{t("rateCards.editor.upload")}</Button>
            <Button disabled={!text.trim()} onClick={() => download(`${code ?? "rate-card"}.csv`, formulaSafeCsv(text))}>{t("rateCards.editor.download")}</Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
