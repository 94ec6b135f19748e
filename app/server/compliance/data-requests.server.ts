// The merchant's view of customers/data_request: what arrived, by when it must be answered, and the export.
import db from "../../db.server";
import { legacyId } from "../shopify/gid";
import { exportCsv, exportJson, type ExportData } from "./export-format";
import { answerBy, requestOrderGids } from "./requests.server";

export type DataRequestStatus = "preparing" | "ready" | "sent" | "erased" | "expired";

export interface DataRequestView {
  id: string;
  receivedAt: string;
  answerBy: string;
  status: DataRequestStatus;
  overdue: boolean;
  customerId: string | null;
  orderNames: string[];
  requestRef: string | null;
}

type StatusFields = { completedAt: Date | null; answeredAt: Date | null; erasedAt: Date | null; erasedBy: string | null };
const statusOf = (r: StatusFields): DataRequestStatus =>
  r.erasedAt ? (r.erasedBy === "retention" ? "expired" : "erased") : r.answeredAt ? "sent" : r.completedAt ? "ready" : "preparing";

/** The shop's data requests, newest first (at most the last 200: older ones are long past their deadline). */
export async function listDataRequests(shop: string, now = new Date()): Promise<DataRequestView[]> {
  const rows = await db.complianceRequest.findMany({
    where: { shop, topic: "customers/data_request" },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, createdAt: true, completedAt: true, answeredAt: true, erasedAt: true, erasedBy: true, customerGid: true, orderGids: true, requestRef: true },
  });
  const orderGids = [...new Set(rows.flatMap((r) => requestOrderGids(r)))];
  const names = new Map(
    (await db.shopOrder.findMany({ where: { shop, orderGid: { in: orderGids } }, select: { orderGid: true, name: true } })).map((o) => [o.orderGid, o.name]),
  );
  return rows.map((r) => {
    const status = statusOf(r);
    const due = answerBy(r.createdAt);
    return {
      id: r.id,
      receivedAt: r.createdAt.toISOString(),
      answerBy: due.toISOString(),
      status,
      overdue: (status === "preparing" || status === "ready") && now > due,
      customerId: r.customerGid ? legacyId(r.customerGid) : null,
      orderNames: requestOrderGids(r).map((g) => names.get(g) ?? `#${legacyId(g)}`),
      requestRef: r.requestRef,
    };
  });
}

export type ExportFormat = "json" | "csv";

/** The export of one of the shop's requests as a file, or null when there is none (unknown, other shop, not ready, erased). */
export async function dataRequestFile(shop: string, id: string, format: ExportFormat): Promise<{ name: string; type: string; body: string } | null> {
  const row = await db.complianceRequest.findFirst({ where: { id, shop, topic: "customers/data_request" } });
  if (!row || row.erasedAt || !row.completedAt || row.result === null || typeof row.result !== "object") return null;
  const data = row.result as ExportData;
  const base = `customer-data-request-${(row.requestRef ?? row.id).replace(/[^A-Za-z0-9_-]/g, "")}`;
  return format === "csv"
    // The byte-order mark makes Excel read UTF-8 (Chinese or German names) instead of the system code page.
    ? { name: `${base}.csv`, type: "text/csv; charset=utf-8", body: `\uFEFF${exportCsv(data)}` }
    : { name: `${base}.json`, type: "application/json; charset=utf-8", body: exportJson(data) };
}

/** The merchant handed the export to the customer. Returns false when the request is not the shop's or has no export. */
export async function markDataRequestSent(shop: string, id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.complianceRequest.updateMany({
    where: { id, shop, topic: "customers/data_request", completedAt: { not: null }, erasedAt: null, answeredAt: null },
    data: { answeredAt: now },
  });
  return count === 1;
}
