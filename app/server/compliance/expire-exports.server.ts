import type { Db } from "~/db.server";
import { PrismaRuntime } from "~/db.server";
import { retentionDays } from "../jobs/retention";
import { ANSWER_WITHIN_DAYS } from "./requests.server";

export const EXPIRE_DATA_REQUEST_EXPORTS = "compliance.expire-data-request-exports";

/**
 * A data request's export is a copy of the customer's data kept only so the merchant can send it. It is
 * deleted `SILKROUTE_RETENTION_DAYS` after the merchant marked it sent, or after the answer-by date when
 * they never did; the request's dates and status stay for the merchant's records.
 */
export async function expireDataRequestExports(db: Db, now = new Date()): Promise<{ expired: number }> {
  const cutoff = new Date(now.getTime() - retentionDays() * 86_400_000);
  const receivedBefore = new Date(cutoff.getTime() - ANSWER_WITHIN_DAYS * 86_400_000);
  const { count } = await db.complianceRequest.updateMany({
    where: {
      topic: "customers/data_request",
      erasedAt: null,
      completedAt: { not: null },
      OR: [{ answeredAt: { lt: cutoff } }, { answeredAt: null, createdAt: { lt: receivedBefore } }],
    },
    data: { result: PrismaRuntime.DbNull, erasedAt: now, erasedBy: "retention" },
  });
  return { expired: count };
}
