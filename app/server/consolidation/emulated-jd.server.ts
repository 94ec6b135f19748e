// Demo only: "Connect JD VOP (emulated)" stores the emulator's test credentials and a ready consolidation
// warehouse, so the whole JD flow works offline. Offered only when the demo started the JD emulator.
import db from "../../db.server";
import { EMULATED_JD_ACCOUNT } from "../suppliers/jd/emulator/jd-vop-emulator";
import { saveCredentials, testConnection } from "../sourcing/supplier-connections.server";
import { saveWarehouse } from "./warehouses.server";
import { syncJdLocation } from "./jd-location.server";

/** Set by the demo stack (scripts/demo/stack.ts) to the running emulator; absent in production. */
export const emulatedJdUrl = (): string | null =>
  process.env.SILKROUTE_MODE !== "production" && process.env.JD_VOP_EMULATOR_URL ? process.env.JD_VOP_EMULATOR_URL : null;

// A published 4-level JD area (OYMLCN test): 广东 佛山市 顺德区 均安镇 = 19_1666_1669_52082.
const DEMO_WAREHOUSE = { name: "Foshan consolidation hub (demo)", contactName: "王经理", phone: "13800000000", address: "均安镇 集运路 8 号 3 号仓", provinceId: 19, cityId: 1666, countyId: 1669, townId: 52082 };

export async function connectEmulatedJd(shop: string): Promise<{ ok: boolean; message: string }> {
  const url = emulatedJdUrl();
  if (!url) return { ok: false, message: "The JD VOP emulator is not running (it starts with npm run demo)." };
  await saveCredentials(shop, "jd", { ...EMULATED_JD_ACCOUNT, baseUrl: url, companyName: "丝路演示贸易有限公司", taxpayerId: "91440300MA5DEMO00X", invoicePhone: "13800000000" });
  const test = await testConnection(shop, "jd");
  if (!test.ok) return { ok: false, message: `JD VOP (emulated): ${test.message}` };
  if ((await db.consolidationWarehouse.count({ where: { shop } })) === 0) {
    const saved = await saveWarehouse(shop, DEMO_WAREHOUSE);
    if (!saved.ok) return { ok: false, message: `JD connected, but the demo warehouse was refused: ${Object.values(saved.errors).join(" ")}` };
  }
  const problem = await syncJdLocation(shop);
  return { ok: true, message: `JD VOP (emulated) connected, with a consolidation warehouse in Foshan (广东 佛山市 顺德区 均安镇).${problem ? ` ${problem}` : ""}` };
}
