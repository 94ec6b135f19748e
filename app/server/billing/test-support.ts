// Test-only: put a shop on a paid plan the way a merchant would: charge → approval screen → sync.
import type { Emulator } from "../../emulator";
import type { AdminClient } from "../shopify/admin-client";
import { requestPlanCharge } from "./subscribe.server";
import { syncPlanFromShopify } from "./plan-state.server";

export const chargeIdOf = (confirmationUrl: string) => /\/(\d+)\/RecurringApplicationCharge\//.exec(confirmationUrl)![1]!;

export async function subscribeThroughShopify(emulator: Emulator, admin: AdminClient, plan: "growth" | "scale", approve = true) {
  const url = await requestPlanCharge(admin, plan, `${process.env.SHOPIFY_APP_URL}/app/plans`, false);
  emulator.controls.decideAppSubscription(admin.shop, chargeIdOf(url), approve);
  return syncPlanFromShopify(admin);
}
