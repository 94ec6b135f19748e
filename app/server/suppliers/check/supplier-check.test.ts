import { afterEach, describe, expect, it } from "vitest";
import { createCjEmulator } from "../cj/emulator/cj-emulator";
import { startJdVopEmulator } from "../jd/emulator/jd-vop-emulator";
import { createSandboxSupplierService } from "../sandbox/service/sandbox-service";
import { checkSummary, formatCheckLine, runSupplierCheck } from "./check-scenarios";
import { CHECK_TARGETS } from "./check-targets";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { for (const close of closers.splice(0)) await close(); });

describe("supplier:check", () => {
  it("passes every scenario against the CJ emulator with its ready-made test account", async () => {
    const emulator = createCjEmulator({ productCount: 120 });
    const { apiBaseUrl } = await emulator.listen(0);
    closers.push(() => emulator.close());
    const target = CHECK_TARGETS.cj!;
    const lines = await runSupplierCheck(target.build(apiBaseUrl, target.defaultCredentials!), { keyword: target.keyword });
    expect(lines.map(formatCheckLine).filter((l) => !l.startsWith("ok "))).toEqual([]);
    expect(lines.map((l) => l.scenario)).toEqual(["authenticate", "search", "product", "stock", "freight", "place-order", "place-order-again", "order-status", "tracking", "cancel"]);
    expect(checkSummary(lines)).toBe("10 passed, 0 failed");
    expect(emulator.orderCount).toBe(2); // place-order-again added none; cancel placed the second
  }, 30_000);

  it("passes against the sandbox supplier and skips visibly what it cannot do", async () => {
    const service = createSandboxSupplierService({ productCount: 300 });
    const { url } = await service.listen(0);
    closers.push(() => service.close());
    const target = CHECK_TARGETS.sandbox!;
    const lines = await runSupplierCheck(target.build(url, {}), { keyword: target.keyword, noAuthReason: target.noAuthReason });
    expect(lines.filter((l) => l.outcome === "skip").map((l) => l.scenario)).toEqual(["authenticate", "freight"]);
    expect(checkSummary(lines)).toBe("8 passed, 0 failed");
  }, 30_000);

  it("reports a rejected API key as a failed authenticate with CJ's code", async () => {
    const emulator = createCjEmulator({ productCount: 30 });
    const { apiBaseUrl } = await emulator.listen(0);
    closers.push(() => emulator.close());
    const lines = await runSupplierCheck(CHECK_TARGETS.cj!.build(apiBaseUrl, { apiKey: "CJ404@api@nobody" }), { keyword: "phone" });
    expect(formatCheckLine(lines[0]!)).toMatch(/^fail authenticate: .*code 1601000/);
    expect(lines.slice(1).every((l) => l.outcome === "skip")).toBe(true);
    expect(checkSummary(lines)).toBe("0 passed, 1 failed");
  }, 30_000);

  it("passes every JD scenario on the emulator: pool browse, area stock, reserve then confirm, cancel before confirming", async () => {
    const jd = await startJdVopEmulator(0);
    closers.push(jd.close);
    const target = CHECK_TARGETS.jd!;
    const lines = await runSupplierCheck(target.build(jd.url, target.defaultCredentials!), { ...target });
    expect(lines.filter((l) => l.outcome !== "ok").map(formatCheckLine)).toEqual([expect.stringMatching(/^skip freight: JD VOP quotes no international freight/)]);
    expect(checkSummary(lines)).toBe("9 passed, 0 failed");
    expect(jd.emulator.orders.size).toBe(2); // place-order-again added none
    const [kept, cancelled] = [jd.emulator.orders.byId(81_000_000_001), jd.emulator.orders.byId(81_000_000_002)];
    expect(kept).toMatchObject({ cancelledAt: null, confirmedAt: expect.any(Number) });
    expect(cancelled).toMatchObject({ confirmedAt: null, cancelledAt: expect.any(Number) }); // cancelled before it was confirmed
    expect(jd.emulator.lastForm("/api/order/submitOrder")).toMatchObject({ province: "19", city: "1666", county: "1669", town: "52082", submitState: "0" });
    expect(jd.emulator.lastForm("/api/stock/getNewStockById")).toMatchObject({ area: "19_1666_1669_52082" });
  }, 30_000);

  it("reports a wrong JD password as a failed authenticate with JD's code and runs nothing else", async () => {
    const jd = await startJdVopEmulator(0);
    closers.push(jd.close);
    const lines = await runSupplierCheck(CHECK_TARGETS.jd!.build(jd.url, { ...jd.credentials, password: "wrong" }), { ...CHECK_TARGETS.jd! });
    expect(formatCheckLine(lines[0]!)).toMatch(/^fail authenticate: .*\(code \d+\)/);
    expect(lines.slice(1).every((l) => l.outcome === "skip")).toBe(true);
    expect(jd.emulator.orders.size).toBe(0);
  }, 30_000);
});
