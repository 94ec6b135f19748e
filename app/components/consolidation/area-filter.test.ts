import { describe, expect, it } from "vitest";
import { withPinyin } from "../../server/consolidation/area-pinyin.server";
import { areaMatches } from "./area-filter";

const provinces = withPinyin([{ id: 1, name: "北京" }, { id: 4, name: "重庆" }, { id: 19, name: "广东" }, { id: 12, name: "江苏" }]);
const found = (q: string) => provinces.filter((a) => areaMatches(a, q)).map((a) => a.name);

describe("finding a JD area by Chinese, pinyin or initials", () => {
  it("finds 北京 by beijing, Bei Jing, bj and 北", () => {
    for (const q of ["beijing", "Bei Jing", "bj", "北", "1"]) expect(found(q)).toEqual(["北京"]);
  });

  it("reads a polyphonic character as the place name says it (重庆 is chongqing, not zhongqing)", () => {
    expect(found("chongqing")).toEqual(["重庆"]);
    expect(found("cq")).toEqual(["重庆"]);
    expect(found("zhongqing")).toEqual([]);
  });

  it("shows every area for an empty search and none for a text that matches nothing", () => {
    expect(found("  ")).toHaveLength(4);
    expect(found("xyz")).toEqual([]);
    expect(found("jiang")).toEqual(["江苏"]);
  });
});
