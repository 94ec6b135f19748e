import { asJdAdapter, type JdAdapter } from "../suppliers/jd/index";
import { SupplierConfigError } from "../suppliers/registry";
import { shopSupplierAdapter } from "../suppliers/shop-adapters.server";

/** The shop's JD adapter with its JD-only calls (areas, messages); throws when JD is not connected. */
export async function jdAdapterForShop(shop: string): Promise<JdAdapter> {
  const jd = asJdAdapter(await shopSupplierAdapter(shop, "jd"));
  if (!jd) throw new SupplierConfigError("JD VOP is not connected. Connect it under Settings → Suppliers first.");
  return jd;
}
