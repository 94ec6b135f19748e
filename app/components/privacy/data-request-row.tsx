import { Form } from "@remix-run/react";
import { Badge, Button, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useState } from "react";
import { useFormat, useT } from "../../i18n/react";

export interface DataRequestRowView {
  id: string;
  receivedAt: string;
  answerBy: string;
  status: "preparing" | "ready" | "sent" | "erased" | "expired";
  overdue: boolean;
  customerId: string | null;
  orderNames: string[];
}

const TONE: Record<DataRequestRowView["status"], "info" | "success" | "attention" | undefined> = {
  preparing: "info", ready: "attention", sent: "success", erased: undefined, expired: undefined,
};

// A plain link cannot carry the session token; App Bridge adds it to fetch, so the file is fetched, then saved.
async function download(id: string, format: "json" | "csv"): Promise<void> {
  const response = await fetch(`/app/privacy/${encodeURIComponent(id)}/export?format=${format}`);
  if (!response.ok) throw new DownloadError(response.status);
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? `customer-data.${format}`;
  const url = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement("a"), { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

class DownloadError extends Error {
  constructor(readonly status: number) { super(`HTTP ${status}`); }
}

export function DataRequestRow({ row, position, busy }: { row: DataRequestRowView; position: number; busy: boolean }) {
  const t = useT("privacy");
  const fmt = useFormat();
  const day = (iso: string) => fmt.date(iso);
  const [failed, setFailed] = useState<string | null>(null);
  const hasExport = row.status === "ready" || row.status === "sent";
  const get = (format: "json" | "csv") => () => void download(row.id, format).then(
    () => setFailed(null),
    (e: Error) => setFailed(t("downloadFailed", { status: e instanceof DownloadError ? String(e.status) : e.message })),
  );
  return (
    <IndexTable.Row id={row.id} position={position}>
      <IndexTable.Cell>{day(row.receivedAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="200" blockAlign="center">
          <Text as="span">{day(row.answerBy)}</Text>
          {row.overdue && <Badge tone="critical">{t("overdue")}</Badge>}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {row.customerId ? <Link url={`shopify://admin/customers/${row.customerId}`} target="_top">{t("customer", { id: row.customerId })}</Link> : "—"}
      </IndexTable.Cell>
      <IndexTable.Cell>{row.orderNames.length ? row.orderNames.join(", ") : "—"}</IndexTable.Cell>
      <IndexTable.Cell><Badge tone={TONE[row.status]}>{t(`status.${row.status}`)}</Badge></IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="200" blockAlign="center">
          {/* i18n-ignore: file format names read the same in every language */}
          {hasExport && <Button onClick={get("json")}>JSON</Button>}
          {/* i18n-ignore: file format names read the same in every language */}
          {hasExport && <Button onClick={get("csv")}>CSV</Button>}
          {row.status === "ready" && (
            <Form method="post">
              <input type="hidden" name="intent" value="mark-sent" />
              <input type="hidden" name="id" value={row.id} />
              <Button submit variant="primary" loading={busy}>{t("markSent")}</Button>
            </Form>
          )}
          {failed && <Text as="span" tone="critical">{failed}</Text>}
        </InlineStack>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
