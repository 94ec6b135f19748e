import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SupplierResult } from "../supplier-result";
import { jdAreaId, type JdArea } from "./areas";
import { startJdWorld, type JdWorld } from "./emulator/jd-emulator.fixture";

let world: JdWorld;
beforeEach(async () => { world = await startJdWorld(); });
afterEach(() => world.close());

describe("JD area resolution", () => {
  it("resolves 广东 → 佛山市 → 顺德区 → 均安镇 level by level to 19_1666_1669_52082", async () => {
    const { areas } = world.adapter.jd;
    const pick = async (list: Promise<SupplierResult<JdArea[]>>, name: string) => {
      const r = await list;
      if (!r.ok) throw new Error(r.error.message);
      return r.value.find((a) => a.name === name)!.id;
    };
    const provinceId = await pick(areas.provinces(), "广东");
    const cityId = await pick(areas.cities(provinceId), "佛山市");
    const countyId = await pick(areas.counties(cityId), "顺德区");
    const townId = await pick(areas.towns(countyId), "均安镇");
    expect(jdAreaId({ provinceId, cityId, countyId, townId })).toBe("19_1666_1669_52082");
    expect(await areas.check([provinceId, cityId, countyId, townId])).toEqual({ ok: true, value: true });
  });

  it("gives no towns for a county without a 4th level, so the town id is 0", async () => {
    const towns = await world.adapter.jd.areas.towns(3639); // 深圳 福田区
    expect(towns).toEqual({ ok: true, value: [] });
    expect(jdAreaId({ provinceId: 19, cityId: 1607, countyId: 3639, townId: null })).toBe("19_1607_3639_0");
  });

  it("says a chain that skips a required town is not a JD address", async () => {
    expect(await world.adapter.jd.areas.check([19, 1666, 1669, 0])).toEqual({ ok: true, value: false });
  });
});
