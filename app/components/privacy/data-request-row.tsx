import { Form } from "@remix-run/react";
import { Badge, Button, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useState } from "react";

export interface DataRequestRowView {
  id: string;
  receivedAt: string;
  answerBy: string;
  status: "preparing" | "ready" | "sent" | "erased" | "expired";
  overdue: boolean;
  customerId: string | null;
  orderNames: string[];
}

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });

const STATUS: Record<DataRequestRowView["status"], { label: string; tone?: "info" | "success" | "attention" }> = {
  preparing: { label: "Preparing export", tone: "info" },
  ready: { label: "Ready to send", tone: "attention" },
  sent: { label: "Sent to customer", tone: "success" },
  erased: { label: "Erased (customer redacted)" },
  expired: { label: "Export deleted (retention)" },
};

// A plain link cannot carry the session token; App Bridge adds it to fetch, so the file is fetched, then saved.
async function download(id: string, format: "json" | "csv"): Promise<void> {
  const response = await fetch(`/app/privacy/${encodeURIComponent(id)}/export?format=${format}`);
  if (!response.ok) throw new Error(`Download failed (${response.status})`);
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? `customer-data.${format}`;
  const url = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement("a"), { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

export function DataRequestRow({ row, position, busy }: { row: DataRequestRowView; position: number; busy: boolean }) {
  const [failed, setFailed] = useState<string | null>(null);
  const hasExport = row.status === "ready" || row.status === "sent";
  const get = (format: "json" | "csv") => () => void download(row.id, format).then(() => setFailed(null), (e: Error) => setFailed(e.message));
  return (
    <IndexTable.Row id={row.id} position={position}>
      <IndexTable.Cell>{day(row.receivedAt)}</IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="200" blockAlign="center">
          <Text as="span">{day(row.answerBy)}</Text>
          {row.overdue && <Badge tone="critical">Overdue</Badge>}
        </InlineStack>
      </IndexTable.Cell>
      <IndexTable.Cell>
        {row.customerId ? <Link url={`shopify://admin/customers/${row.customerId}`} target="_top">Customer {row.customerId}</Link> : "—"}
      </IndexTable.Cell>
      <IndexTable.Cell>{row.orderNames.length ? row.orderNames.join(", ") : "—"}</IndexTable.Cell>
      <IndexTable.Cell><Badge tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Badge></IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="200" blockAlign="center">
          {hasExport && <Button onClick={get("json")}>JSON</Button>}
          {hasExport && <Button onClick={get("csv")}>CSV</Button>}
          {row.status === "ready" && (
            <Form method="post">
              <input type="hidden" name="intent" value="mark-sent" />
              <input type="hidden" name="id" value={row.id} />
              <Button submit variant="primary" loading={busy}>Mark as sent</Button>
            </Form>
          )}
          {failed && <Text as="span" tone="critical">{failed}</Text>}
        </InlineStack>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
