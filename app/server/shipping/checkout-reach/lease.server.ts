/**
 * One change to a shop's checkout reach at a time, across processes: a lease stored on the shop's row, taken with a
 * conditional update (only one writer sees count 1). A second click waits for the first to finish, then re-reads
 * Shopify and finds what the first created, instead of creating a second profile. An expired lease (crashed
 * holder) is simply taken over.
 */
import db from "../../../db.server";
import { isUniqueViolation } from "../../jobs/dedupe";

export const LEASE_MS = 30_000;
const POLL_MS = 100;

export async function reachRow(shop: string) {
  const row = await db.checkoutRatesReach.findUnique({ where: { shop } });
  if (row) return row;
  try {
    return await db.checkoutRatesReach.create({ data: { shop } });
  } catch (error) {
    // Two first clicks race to create the row (PostgreSQL reports the loser as P2002): the winner's row is the row.
    if (!isUniqueViolation(error)) throw error;
    return db.checkoutRatesReach.findUniqueOrThrow({ where: { shop } });
  }
}

async function acquire(shop: string): Promise<boolean> {
  const now = new Date();
  const { count } = await db.checkoutRatesReach.updateMany({
    where: { shop, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

export async function withReachLease<T>(shop: string, task: () => Promise<T>): Promise<T> {
  await reachRow(shop);
  const deadline = Date.now() + LEASE_MS + 5_000;
  while (!(await acquire(shop))) {
    if (Date.now() > deadline) throw new Error("Another change to checkout rates is still running; try again in a minute.");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await task();
  } finally {
    await db.checkoutRatesReach.update({ where: { shop }, data: { leaseUntil: null } });
  }
}
