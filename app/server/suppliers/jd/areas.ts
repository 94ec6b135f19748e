// JD's area API (jd-contract.json → area.endpoints getProvince/getCity/getCounty/getTown/checkArea): the
// name → id maps a consolidation warehouse is resolved with, level by level ("优先推荐使用逐级选择的方法").
import { z } from "zod";
import { ok, type SupplierResult } from "../supplier-result";
import { NO_TOWN_LEVEL_CODE } from "./errors";

export interface JdArea { readonly id: number; readonly name: string }

export interface JdAreaApi {
  provinces(): Promise<SupplierResult<JdArea[]>>;
  cities(provinceId: number): Promise<SupplierResult<JdArea[]>>;
  counties(cityId: number): Promise<SupplierResult<JdArea[]>>;
  /** Empty when the county has no 4th level (JD answers 3405): then town 0 is the right id. */
  towns(countyId: number): Promise<SupplierResult<JdArea[]>>;
  /** checkArea: true when JD accepts the chain (3554 地址非法 → false). */
  check(ids: readonly [number, number, number, number]): Promise<SupplierResult<boolean>>;
}

type Call = (path: string, params: Record<string, string>) => Promise<SupplierResult<unknown>>;

// Ids are ints in every client model and in the getProvince/getCity/getCounty dumps.
const NameToId = z.record(z.string(), z.union([z.number(), z.string()]));
const toList = (data: unknown): JdArea[] =>
  Object.entries(NameToId.parse(data ?? {})).map(([name, id]) => ({ id: Number(id), name })).sort((a, b) => a.id - b.id);

export function createJdAreaApi(call: Call): JdAreaApi {
  const level = async (path: string, params: Record<string, string> = {}) => {
    const r = await call(path, params);
    return r.ok ? ok(toList(r.value)) : r;
  };
  return {
    provinces: () => level("/api/area/getProvince"),
    cities: (id) => level("/api/area/getCity", { id: String(id) }),
    counties: (id) => level("/api/area/getCounty", { id: String(id) }),
    async towns(id) {
      const r = await level("/api/area/getTown", { id: String(id) });
      return !r.ok && r.error.supplierCode === NO_TOWN_LEVEL_CODE ? ok([]) : r;
    },
    async check([provinceId, cityId, countyId, townId]) {
      const r = await call("/api/area/checkArea", { provinceId: String(provinceId), cityId: String(cityId), countyId: String(countyId), townId: String(townId) });
      if (r.ok) return ok(true);
      return r.error.supplierCode === "3554" || r.error.supplierCode === NO_TOWN_LEVEL_CODE ? ok(false) : r;
    },
  };
}

/** JD's stock `area`: province_city_county[_town] joined with UNDERSCORES (review F2), e.g. 13_1000_4277_0. */
export function jdAreaId(ids: { provinceId: number; cityId: number; countyId: number; townId?: number | null }): string {
  return [ids.provinceId, ids.cityId, ids.countyId, ids.townId ?? 0].join("_");
}
