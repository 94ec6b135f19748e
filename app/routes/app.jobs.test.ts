import { describe, expect, it } from "vitest";
import db from "../db.server";
import { adminRequest, routeArgs, seedInstalledShop } from "../test/admin-session";
import { uniqueShop } from "../test/webhooks";
import { action, loader } from "./app.jobs";

const deadJob = (shop: string) =>
  db.job.create({ data: { queue: "sourcing.import", shop, payload: {}, state: "dead", attempts: 5, maxAttempts: 5, lastError: "Supplier timed out" } });

describe("the background jobs page", () => {
  it("lists the shop's dead jobs with their last error, and no other shop's", async () => {
    const shop = uniqueShop("deadjobs");
    const other = uniqueShop("otherjobs");
    await seedInstalledShop(shop);
    const mine = await deadJob(shop);
    await deadJob(other);
    const data = await (await loader(routeArgs(adminRequest(shop, "/app/jobs")))).json();
    expect(data.deadJobs).toEqual([{ id: mine.id, queue: "sourcing.import", attempts: 5, lastError: "Supplier timed out" }]);
  });

  it("retries a dead job of the shop", async () => {
    const shop = uniqueShop("retryjob");
    await seedInstalledShop(shop);
    const job = await deadJob(shop);
    const response = await action(routeArgs(adminRequest(shop, "/app/jobs", { form: { jobId: job.id } })));
    expect(response.status).toBe(200);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("queued");
  });

  it("refuses to retry another shop's job", async () => {
    const shop = uniqueShop("thief");
    await seedInstalledShop(shop);
    const job = await deadJob(uniqueShop("victim"));
    const response = await action(routeArgs(adminRequest(shop, "/app/jobs", { form: { jobId: job.id } })));
    expect(response.status).toBe(404);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("dead");
  });
});
