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
  // the tax with the order whatever the shipping terms. Customs duty and import fees are not part of that: the EU
  // €3 per customs line is a customs debt paid at import, not through IOSS (ADR 0100, "DDU wording"), so under
  // DDU the buyer pays it, and any national fee, to the carrier on delivery.
  let atCheckout = 0;
  let onDelivery = 0;
  let anyOnDelivery = false;
  let onlyDutyAndFees = true; // everything due on delivery is duty and fees of checkout-taxed parcels
  for (const p of parcels) {
    if (p.duties.collectedAt === "none") continue;
    const dutyAndFees = p.duties.duty.amount + p.duties.fees.amount;
    if (p.duties.collectedAt === "checkout" && p.duties.tax.amount > 0) {
      atCheckout += p.duties.tax.amount;
      if (dutyAndFees > 0) [onDelivery, anyOnDelivery] = [onDelivery + dutyAndFees, true];
    } else {
      [onDelivery, anyOnDelivery, onlyDutyAndFees] = [onDelivery + dutyAndFees + p.duties.tax.amount, true, false];
    }
  }
  // The per-customs-line count goes with the estimate that holds the duty: the amount due on delivery when that is
  // duty and fees only, else the first estimate shown, DDU as DDP (a plan without DDP quotes DDU).
  const linesOnDelivery = anyOnDelivery && onlyDutyAndFees;
  const checkoutPart = atCheckout > 0 ? `VAT/GST charged at checkout (est. ${amount({ amount: atCheckout, currency })}${linesOnDelivery ? "" : perLines})` : "";
  if (!anyOnDelivery) return `${checkoutPart}; nothing to pay on delivery`;
  const deliveryPart = onlyDutyAndFees
    ? `Customs duty & fees due on delivery (est. ${amount({ amount: onDelivery, currency })}${perLines}), plus any carrier collection fee`
    : onDelivery > 0
      ? `Duties & taxes due on delivery (est. ${amount({ amount: onDelivery, currency })}${checkoutPart ? "" : perLines})`
      : "Duties & taxes, if any, due on delivery";
  return checkoutPart ? `${checkoutPart}; ${deliveryPart.charAt(0).toLowerCase()}${deliveryPart.slice(1)}` : deliveryPart;
}

export function deliveryStatement(minDays: number, maxDays: number, minDate: string, maxDate: string): string {
  const days = minDays === maxDays ? `${minDays}` : `${minDays}–${maxDays}`;
  const dates = minDate === maxDate ? minDate : `${minDate} to ${maxDate}`;
  return `${days} business days after dispatch, arrives ${dates}`;
}
