// Customs data for products the merchant linked (issue #15 with ADR 2010): they have no import list page, so the
// Supplier mappings page edits HS code, origin and the EU responsible person on the product's mappings, parsed by the
// same functions as the import list's Compliance card, and then re-checks the orders held for that data.
import db from "../../db.server";
import { releaseCustomsHolds } from "../fulfillment/preflight/customs-hold.server";
import { ComplianceInputError, parseComplianceInput } from "../sourcing/compliance/compliance-data";
import { englishText } from "../../i18n/english";
import { message, type Message } from "../../i18n/message";

export interface LinkedCustomsInput { hsCode: string; originCountry: string; gpsrResponsiblePerson: string }

/** `detail` is the catalog message the page shows in the merchant's language; `message` its English (logs, tests). */
export type LinkedCustomsResult =
  | { ok: true; message: string; detail: Message; released: number }
  | { ok: false; message: string; detail: Message; field: keyof LinkedCustomsInput; values: LinkedCustomsInput };

/** Saves the entries on every mapping of `productGid`; a bad entry saves nothing and hands the entries back. */
export async function saveLinkedCustomsData(shop: string, productGid: string, input: LinkedCustomsInput): Promise<LinkedCustomsResult> {
  let parsed;
  try {
    parsed = parseComplianceInput(input);
  } catch (error) {
    if (!(error instanceof ComplianceInputError)) throw error;
    return { ok: false, message: error.message, detail: error.i18n, field: error.field as keyof LinkedCustomsInput, values: input };
  }
  const mappings = await db.variantMapping.findMany({ where: { shop, productGid }, select: { variantGid: true } });
  if (!mappings.length) {
    const detail = message("linking:customsResult.notLinked");
    return { ok: false, message: englishText(detail), detail, field: "hsCode", values: input };
  }
  await db.variantMapping.updateMany({ where: { shop, productGid }, data: { hsCode: parsed.hsCode, originCountry: parsed.originCountry, gpsrResponsiblePerson: parsed.gpsrResponsiblePerson } });
  const released = await releaseCustomsHolds(shop, mappings.map((m) => m.variantGid));
  const detail = message("linking:customsResult.saved", { released });
  return { ok: true, released, message: englishText(detail), detail };
}

/** What the form shows for a product: its first mapping's values ("" when unset). */
export function linkedCustomsView(m: { hsCode: string | null; originCountry: string | null; gpsrResponsiblePerson: string | null }): LinkedCustomsInput {
  return { hsCode: m.hsCode ?? "", originCountry: m.originCountry ?? "", gpsrResponsiblePerson: m.gpsrResponsiblePerson ?? "" };
}
