import { describe, expect, it } from "vitest";
import { allowedTransitions, assertTransition, canTransition, IllegalTransition, SUPPLIER_ORDER_STATES } from "./state-machine";

describe("the supplier-order state machine", () => {
  it("walks the happy path of a two-phase supplier", () => {
    const path = ["pending", "placing", "reserved", "placed", "shipped", "delivered"];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it.each([
    ["delivered", "shipped"], ["cancelled", "placing"], ["shipped", "cancelled"], ["placed", "placing"],
    ["pending", "placed"], ["awaiting_approval", "placed"], ["failed", "placed"], ["placed", "pending"],
  ])("refuses to go from %s to %s", (from, to) => {
    expect(() => assertTransition(from, to)).toThrow(IllegalTransition);
  });

  it("refuses unknown states", () => {
    expect(canTransition("pending", "teleported")).toBe(false);
    expect(canTransition("limbo", "placing")).toBe(false);
  });

  it("has no way out of delivered or cancelled, and every state is reachable from pending", () => {
    expect(allowedTransitions("delivered")).toEqual([]);
    expect(allowedTransitions("cancelled")).toEqual([]);
    const seen = new Set(["pending"]);
    const queue = ["pending"];
    while (queue.length) for (const next of allowedTransitions(queue.shift() as never)) if (!seen.has(next)) { seen.add(next); queue.push(next); }
    expect([...seen].sort()).toEqual([...SUPPLIER_ORDER_STATES].sort());
  });
});
