import { describe, expect, it } from "vitest";
import { MIN_TABLE_SHARE, overCeilingAtFloor, SLACK, tablesBudget } from "./memory-ceiling";

const MB = 1_048_576;
const reading = (rssMb: number, tablesMb: number) => ({ tablesMax: 512 * MB, ceiling: 662 * MB, rss: rssMb * MB, tables: tablesMb * MB });
/** What the tables may hold under the 662 MB ceiling, less its slack, beside a rest of `restMb`. */
const room = (restMb: number) => Math.floor(662 * MB * (1 - SLACK) - restMb * MB);

describe("mapping tables' budget under a process memory ceiling", () => {
  it("is the tables' own budget while the rest of the process fits in the headroom", () => {
    expect(tablesBudget(reading(400, 300))).toBe(512 * MB); // rest 100 MB
    expect(tablesBudget(reading(630, 500))).toBe(512 * MB); // rest 130 MB: within the ceiling less its slack
  });

  it("shrinks by as much as the rest of the process grows past the headroom", () => {
    expect(tablesBudget(reading(727, 513))).toBe(room(214)); // the rates role's rest at full tables, measured
    expect(tablesBudget(reading(500, 200))).toBe(room(300));
    expect(room(214)).toBeLessThan(662 * MB - 214 * MB);
  });

  it("never leaves the tables less than their floor, and says when even that is over the ceiling", () => {
    expect(tablesBudget(reading(900, 128))).toBe(512 * MB * MIN_TABLE_SHARE);
    expect(overCeilingAtFloor(reading(900, 128))).toBe(true);
    expect(overCeilingAtFloor(reading(727, 513))).toBe(false);
  });

  it("counts tables the store holds beyond the resident figure as no rest at all", () => {
    expect(tablesBudget(reading(100, 300))).toBe(512 * MB);
  });
});
