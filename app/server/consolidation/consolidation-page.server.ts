// The China consolidation warehouses page: saved warehouses, the level-by-level JD area pickers, the forwarder CSV.
import type { JdArea } from "../suppliers/jd/areas";
import { SupplierConfigError } from "../suppliers/registry";
import type { PickerArea } from "../../components/consolidation/area-filter";
import { withPinyin } from "./area-pinyin.server";
import { importForwarderCsv, type CsvLineResult } from "./forwarder-tracking.server";
import { jdAdapterForShop } from "./jd-connection.server";
import { syncJdLocation } from "./jd-location.server";
import { deleteWarehouse, listWarehouses, saveWarehouse, setDefaultWarehouse, warehouseAreaId } from "./warehouses.server";

export interface AreaPicker { provinces: PickerArea[]; cities: PickerArea[]; counties: PickerArea[]; towns: PickerArea[] }
export interface AreaChoice { province: number; city: number; county: number; town: number }

const int = (v: string | null | undefined) => (v && /^\d+$/.test(v) ? Number(v) : 0);
export const areaChoiceFrom = (p: URLSearchParams): AreaChoice => ({ province: int(p.get("province")), city: int(p.get("city")), county: int(p.get("county")), town: int(p.get("town")) });

export async function consolidationPageData(shop: string, choice: AreaChoice) {
  const warehouses = (await listWarehouses(shop)).map((w) => ({
    id: w.id, name: w.name, contactName: w.contactName, areaLabel: w.areaLabel, address: w.address, isDefault: w.isDefault, jdAreaId: warehouseAreaId(w),
  }));
  const picker: AreaPicker = { provinces: [], cities: [], counties: [], towns: [] };
  let error: string | null = null;
  try {
    const { areas } = (await jdAdapterForShop(shop)).jd;
    const load = async (key: keyof AreaPicker, r: Promise<{ ok: true; value: JdArea[] } | { ok: false; error: { message: string } }>) => {
      const v = await r;
      if (v.ok) picker[key] = withPinyin(v.value);
      else error ??= v.error.message;
    };
    await load("provinces", areas.provinces());
    if (choice.province) await load("cities", areas.cities(choice.province));
    if (choice.city) await load("counties", areas.counties(choice.city));
    if (choice.county) await load("towns", areas.towns(choice.county));
  } catch (e) {
    if (!(e instanceof SupplierConfigError)) throw e;
    error = e.message;
  }
  return { warehouses, picker, choice, error };
}

export interface ConsolidationActionResult { ok: boolean; notice: string; errors?: Record<string, string>; csv?: CsvLineResult[] }

export async function consolidationPageAction(shop: string, form: Record<string, string>): Promise<ConsolidationActionResult> {
  try {
    switch (form.intent) {
      case "save": {
        const saved = await saveWarehouse(shop, {
          name: form.name ?? "", contactName: form.contactName ?? "", phone: form.phone ?? "", address: form.address ?? "",
          provinceId: int(form.province), cityId: int(form.city), countyId: int(form.county), townId: int(form.town),
        });
        if (!saved.ok) return { ok: false, notice: "The warehouse needs attention.", errors: saved.errors };
        const problem = await syncJdLocation(shop);
        return { ok: !problem, notice: problem ?? `${saved.warehouse.name} saved (${saved.warehouse.areaLabel}).` };
      }
      case "set-default": {
        await setDefaultWarehouse(shop, form.id ?? "");
        return { ok: true, notice: (await syncJdLocation(shop)) ?? "JD orders now ship to this warehouse." };
      }
      case "delete":
        await deleteWarehouse(shop, form.id ?? "");
        await syncJdLocation(shop);
        return { ok: true, notice: "Warehouse removed." };
      case "import-csv": {
        const csv = await importForwarderCsv(shop, form.csv ?? "");
        const good = csv.filter((l) => l.ok).length;
        return { ok: good === csv.length, notice: `${good} of ${csv.length} forwarder tracking numbers imported.`, csv };
      }
      default:
        return { ok: false, notice: `Unknown action "${form.intent}"` };
    }
  } catch (e) {
    if (e instanceof SupplierConfigError) return { ok: false, notice: e.message };
    throw e;
  }
}
