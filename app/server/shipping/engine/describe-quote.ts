/** Buyer-visible description: delivery window plus a duties statement that matches the incoterm. */
import { toDecimalString, type Money } from "../../money";
import type { ParcelBreakdown } from "./quote-types";

// Intl.NumberFormat construction costs tens of µs, so descriptions use "4.20 EUR" formatting.
const amount = (m: Money) => `${toDecimalString(m)} ${m.currency}`;

export function dutiesStatement(parcels: readonly ParcelBreakdown[], incoterm: "DDP" | "DDU", currency: string): string {
  if (parcels.every((p) => p.duties.ruleId === "domestic")) return "No customs duties (ships domestically)";
  let charged = 0;
  let taxesLeftOut = false;
  for (const p of parcels) {
    charged += (p.duties.included ? p.duties.duty.amount + p.duties.fees.amount : 0) + (p.duties.taxIncluded ? p.duties.tax.amount : 0);
    taxesLeftOut ||= p.duties.included && !p.duties.taxIncluded && p.duties.tax.amount > 0;
  }
  const nothingDue = parcels.every((p) => p.duties.collectedAt === "none");
  // EU low-value duty and fees count customs lines (distinct HS6), so the buyer sees how many there are.
  const lines = parcels.reduce((n, p) => n + (p.duties.hsLines.some((l) => l.basis === "flat") ? p.duties.distinctHsLines : 0), 0);
  const perLines = lines > 1 ? ` for ${lines} customs lines` : "";
  if (incoterm === "DDP" && parcels.some((p) => p.duties.inProductPrices)) {
    const tax = charged > 0 ? `; VAT/GST included (est. ${amount({ amount: charged, currency })})` : "";
    return `Duties prepaid, included in the product prices${tax}`;
  }
  if (incoterm === "DDP") {
    const est = `${amount({ amount: charged, currency })}${perLines}`;
    if (taxesLeftOut) {
      const duties = charged > 0 ? `Duties prepaid, included (est. ${est})` : "No import duty expected";
      return `${duties}; VAT/GST charged separately at checkout`;
    }
    return charged > 0 ? `Duties & taxes prepaid, included (est. ${est})` : "No import duties or taxes expected";
  }
  if (nothingDue) return "No import duties or taxes expected";
  // Under a VAT/GST-at-checkout regime (EU IOSS ≤ €150, UK ≤ £135, Australia ≤ A$1,000, …) the seller collects
  // the tax with the order whatever the shipping terms, so the buyer owes nothing for that parcel on delivery.
  let atCheckout = 0;
  let onDelivery = 0;
  let anyOnDelivery = false;
  for (const p of parcels) {
    if (p.duties.collectedAt === "none") continue;
    const estimate = p.duties.duty.amount + p.duties.tax.amount + p.duties.fees.amount;
    if (p.duties.collectedAt === "checkout" && p.duties.tax.amount > 0) atCheckout += estimate;
    else [onDelivery, anyOnDelivery] = [onDelivery + estimate, true];
  }
  // The per-customs-line count goes with the first estimate shown, DDU as DDP (a plan without DDP quotes DDU).
  const checkoutPart = atCheckout > 0 ? `VAT/GST charged at checkout (est. ${amount({ amount: atCheckout, currency })}${perLines})` : "";
  if (!anyOnDelivery) return `${checkoutPart}; nothing to pay on delivery`;
  const deliveryPart = onDelivery > 0
    ? `Duties & taxes due on delivery (est. ${amount({ amount: onDelivery, currency })}${checkoutPart ? "" : perLines})`
    : "Duties & taxes, if any, due on delivery";
  return checkoutPart ? `${checkoutPart}; ${deliveryPart.charAt(0).toLowerCase()}${deliveryPart.slice(1)}` : deliveryPart;
}

export function deliveryStatement(minDays: number, maxDays: number, minDate: string, maxDate: string): string {
  const days = minDays === maxDays ? `${minDays}` : `${minDays}–${maxDays}`;
  const dates = minDate === maxDate ? minDate : `${minDate} to ${maxDate}`;
  return `${days} business days after dispatch, arrives ${dates}`;
}
