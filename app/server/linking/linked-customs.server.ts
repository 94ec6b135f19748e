// Customs data for products the merchant linked (issue #15 with ADR 2010): they have no import list page, so the
// Supplier mappings page edits HS code, origin and the EU responsible person on the product's mappings, parsed by the
// same functions as the import list's Compliance card, and then re-checks the orders held for that data.
import db from "../../db.server";
import { releaseCustomsHolds } from "../fulfillment/preflight/customs-hold.server";
import { ComplianceInputError, parseComplianceInput } from "../sourcing/compliance/compliance-data";

export interface LinkedCustomsInput { hsCode: string; originCountry: string; gpsrResponsiblePerson: string }

export type LinkedCustomsResult =
  | { ok: true; message: string; released: number }
  | { ok: false; message: string; field: keyof LinkedCustomsInput; values: LinkedCustomsInput };

/** Saves the entries on every mapping of `productGid`; a bad entry saves nothing and hands the entries back. */
export async function saveLinkedCustomsData(shop: string, productGid: string, input: LinkedCustomsInput): Promise<LinkedCustomsResult> {
  let parsed;
  try {
    parsed = parseComplianceInput(input);
  } catch (error) {
    if (!(error instanceof ComplianceInputError)) throw error;
    return { ok: false, message: error.message, field: error.field as keyof LinkedCustomsInput, values: input };
  }
  const mappings = await db.variantMapping.findMany({ where: { shop, productGid }, select: { variantGid: true } });
  if (!mappings.length) return { ok: false, message: "This product is not linked to a supplier any more.", field: "hsCode", values: input };
  await db.variantMapping.updateMany({ where: { shop, productGid }, data: { hsCode: parsed.hsCode, originCountry: parsed.originCountry, gpsrResponsiblePerson: parsed.gpsrResponsiblePerson } });
  const released = await releaseCustomsHolds(shop, mappings.map((m) => m.variantGid));
  return { ok: true, released, message: released ? `Customs data saved; ${released} held order(s) are on their way to the supplier.` : "Customs data saved." };
}

/** What the form shows for a product: its first mapping's values ("" when unset). */
export function linkedCustomsView(m: { hsCode: string | null; originCountry: string | null; gpsrResponsiblePerson: string | null }): LinkedCustomsInput {
  return { hsCode: m.hsCode ?? "", originCountry: m.originCountry ?? "", gpsrResponsiblePerson: m.gpsrResponsiblePerson ?? "" };
}
