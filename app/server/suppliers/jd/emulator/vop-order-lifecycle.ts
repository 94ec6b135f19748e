// How a confirmed JD order moves on the emulator clock. JD publishes the states (jd-contract.json → enums:
// orderState, submitState, type, state, jdOrderState), not their timing: the offsets below are ours, fixed so
// tests and the demo know what they will see.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const JD_LIFECYCLE = {
  awaitingOutbound: 2 * HOUR, // jdOrderState 8 等待出库
  shipped: DAY, // jdOrderState 16 等待确认收货 + waybill (message 12 配送单生成)
  delivered: 3 * DAY, // state 1 妥投, jdOrderState 19 已完成 (messages 5 and 31)
  childStagger: 6 * HOUR, // each further child of a split order ships this much later
  autoCancelUnconfirmed: 7 * DAY, // message 15 "7天未支付/未确认取消"
} as const;

export interface VopOrderLine { skuId: number; num: number; priceFen: number; name: string; category: number; shipper: number }

export interface VopOrderRecord {
  jdOrderId: number;
  thirdOrder: string;
  /** 0 for a top-level order; the parent's id for a child of a split. */
  parentId: number;
  lines: VopOrderLine[];
  freightFen: number;
  cityName: string;
  submittedAt: number;
  confirmedAt: number | null;
  cancelledAt: number | null;
  /** Child order ids once JD has split the order (at confirmation). */
  children: number[];
  /** Position among its siblings: later children ship later. */
  childIndex: number;
  /** Milestone messages already queued, so each is sent once. */
  announced: Set<string>;
}

export type LeafPhase = "new" | "awaiting_outbound" | "shipped" | "delivered" | "cancelled";

export function leafPhase(o: VopOrderRecord, now: number): LeafPhase {
  if (o.cancelledAt !== null) return "cancelled";
  if (o.confirmedAt === null) return "new";
  const elapsed = now - o.confirmedAt - o.childIndex * JD_LIFECYCLE.childStagger;
  if (elapsed >= JD_LIFECYCLE.delivered) return "delivered";
  if (elapsed >= JD_LIFECYCLE.shipped) return "shipped";
  return elapsed >= JD_LIFECYCLE.awaitingOutbound ? "awaiting_outbound" : "new";
}

export const JD_ORDER_STATE: Record<Exclude<LeafPhase, "cancelled">, number> = { new: 1, awaiting_outbound: 8, shipped: 16, delivered: 19 };

/** When a leaf order reaches a phase (null when it never will from here). */
export function phaseAt(o: VopOrderRecord, phase: "shipped" | "delivered"): number | null {
  if (o.confirmedAt === null || o.cancelledAt !== null) return null;
  return o.confirmedAt + o.childIndex * JD_LIFECYCLE.childStagger + JD_LIFECYCLE[phase];
}

/** orderTrack lines visible at `now` (contract example wording: 您提交了订单，请等待系统确认 …). */
export function trackLines(o: VopOrderRecord, now: number): { at: number; content: string; operator: string }[] {
  const lines = [{ at: o.submittedAt, content: "您提交了订单，请等待系统确认", operator: "客户" }];
  if (o.cancelledAt !== null) return [...lines, { at: o.cancelledAt, content: "您的订单已取消", operator: "系统" }].filter((l) => l.at <= now);
  if (o.confirmedAt === null) return lines;
  const start = o.confirmedAt + o.childIndex * JD_LIFECYCLE.childStagger;
  const steps: [number, string, string][] = [
    [JD_LIFECYCLE.awaitingOutbound, "您的订单已经进入京东仓库准备出库", "系统"],
    [JD_LIFECYCLE.shipped, "您的订单已出库", "系统"],
    [JD_LIFECYCLE.shipped + 8 * HOUR, `您的订单已到达【${o.cityName}分拣中心】`, "系统"],
    [JD_LIFECYCLE.delivered - 6 * HOUR, "配送员开始配送，请您准备收货", "京东配送员"],
    [JD_LIFECYCLE.delivered, "您的订单已由本人签收。感谢您在京东购物，欢迎再次光临", "京东配送员"],
  ];
  return [...lines, ...steps.map(([offset, content, operator]) => ({ at: start + offset, content, operator }))].filter((l) => l.at <= now);
}

/** The JD waybill number of a shipped leaf order, stable per order. */
export const waybillNumber = (jdOrderId: number) => `JDV${String(jdOrderId).padStart(12, "0").slice(-12)}`;
