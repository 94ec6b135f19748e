import type { TFunction } from "i18next";
import type { Message } from "./message";
import { carrierName, supplierName, warehouseName } from "./partners";

type Localize = (t: TFunction, value: string) => string;

/**
 * Message values that are Silkroute's own codes (a supplier, an order state, a plan, a scan status…), stored as codes
 * so each reader sees them in their language: a value under one of these names is looked up before formatting.
 * Anything the catalog does not know is shown as stored.
 */
const LOCALIZED: Record<string, Localize> = {
  supplier: (t, v) => supplierName(t, v),
  backup: (t, v) => supplierName(t, v),
  suppliers: (t, v) => v.split(", ").map((code) => supplierName(t, code)).join(t("order:listSeparator")),
  warehouse: (t, v) => warehouseName(t, v, v),
  carrier: (t, v) => carrierName(t, v),
  state: (t, v) => t(`orders:state.${v}`, { defaultValue: v }),
  plan: (t, v) => t(`common:plans.${v}`, { defaultValue: v }),
  reason: (t, v) => t(`orders:hold.${v}`, { defaultValue: v }),
  scan: (t, v) => t(`order:scan.${v}`, { defaultValue: v }),
  childStatus: (t, v) => t(`order:childStatus.${v}`, { defaultValue: v }),
  addressFields: (t, v) => v.split(",").map((code) => t(`notes:addressField.${code}`, { defaultValue: code })).join(t("order:listSeparator")),
};

/** One stored message in the reader's language (pages with `useT`'s t, server notes with translate.server.ts). */
export function translateMessage(t: TFunction, message: Message): string {
  if (!message.values) return t(message.key);
  const values = Object.fromEntries(Object.entries(message.values).map(([name, value]) => {
    const localize = LOCALIZED[name];
    return [name, localize && typeof value === "string" ? localize(t, value) : value];
  }));
  return t(message.key, values);
}
