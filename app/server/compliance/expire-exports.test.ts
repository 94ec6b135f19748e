import { describe, expect, it } from "vitest";
import db from "../../db.server";
import { uniqueShop } from "../../test/webhooks";
import { jobSchedules } from "../jobs/handlers";
import { EXPIRE_DATA_REQUEST_EXPORTS, expireDataRequestExports } from "./expire-exports.server";
import { listDataRequests } from "./data-requests.server";

const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("data request exports expire after the retention window", () => {
  it("deletes an export 30 days after it was sent, or 30 days after its answer-by date if never marked sent", async () => {
    const shop = uniqueShop("expire");
    const request = (ref: string, receivedDaysAgo: number, sentDaysAgo: number | null) =>
      db.complianceRequest.create({
        data: {
          shop, topic: "customers/data_request", requestRef: ref, createdAt: daysAgo(receivedDaysAgo), completedAt: daysAgo(receivedDaysAgo),
          answeredAt: sentDaysAgo === null ? null : daysAgo(sentDaysAgo), result: { orders: [{ shippingAddress: { name: "Mia" } }] },
        },
      });
    await request("sent-31", 40, 31);
    await request("sent-29", 40, 29);
    await request("unsent-61", 61, null);
    await request("unsent-59", 59, null);
    await expireDataRequestExports(db, now);
    const rows = await db.complianceRequest.findMany({ where: { shop }, orderBy: { requestRef: "asc" } });
    expect(rows.map((r) => [r.requestRef, r.result === null])).toEqual([["sent-29", false], ["sent-31", true], ["unsent-59", false], ["unsent-61", true]]);
    const statuses = Object.fromEntries((await listDataRequests(shop)).map((r) => [r.requestRef, r.status]));
    expect(statuses).toEqual({ "sent-31": "expired", "sent-29": "sent", "unsent-61": "expired", "unsent-59": "ready" });
  });

  it("runs every day from the job schedule", () => {
    expect(jobSchedules.find((s) => s.queue === EXPIRE_DATA_REQUEST_EXPORTS)).toMatchObject({ cron: "29 3 * * *" });
  });
});
