import db from "../../../db.server";

/** Fulfillment names look like "#1001.1"; the part before the last dot is the order name. */
export async function trackingNumbersForFulfillments(shop: string, fulfillmentNames: string[]): Promise<Record<string, string>> {
  const byOrder = new Map(fulfillmentNames.map((n) => [n, n.replace(/\.\d+$/, "")]));
  const rows = await db.supplierOrder.findMany({
    where: { shop, orderName: { in: [...new Set(byOrder.values())] }, fulfillmentGid: { not: null } },
    select: { orderName: true, trackingNumbers: true },
  });
  const answer: Record<string, string> = {};
  for (const [name, orderName] of byOrder) {
    const numbers = rows.find((r) => r.orderName === orderName)?.trackingNumbers as string[] | null | undefined;
    if (numbers?.[0]) answer[name] = numbers[0];
  }
  return answer;
}
