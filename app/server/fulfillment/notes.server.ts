// Notes Silkroute writes to Shopify (fulfillment request answers, a closed fulfillment order's message): Shopify
// shows them on the order to the shop's staff, so they are written in the staff's language as of the latest admin
// load (Shop.locale, recorded by app.tsx), and in English until Silkroute has seen one (docs/adr/1900-i18n.md).
import { translator } from "../../i18n/translate.server";
import { shopLocale } from "../shops.server";

export type NoteWriter = (key: `notes:${string}`, values?: Record<string, string | number>) => string;
/** A note decided before it is written (a rejection's reason, say), translated when Silkroute answers Shopify. */
export interface NoteMessage { key: `notes:${string}`; values?: Record<string, string | number> }

export async function shopNotes(shop: string): Promise<NoteWriter> {
  const t = translator(await shopLocale(shop));
  return (key, values) => t(values ? { key, values } : { key });
}
