/** Buyer-visible description: delivery window plus a duties statement that matches the incoterm. */
import { toDecimalString, type Money } from "../../money";
import type { ParcelBreakdown } from "./quote-types";

// Intl.NumberFormat construction costs tens of µs, so descriptions use "4.20 EUR" formatting.
const amount = (m: Money) => `${toDecimalString(m)} ${m.currency}`;

export function dutiesStatement(parcels: readonly ParcelBreakdown[], incoterm: "DDP" | "DDU", currency: string): string {
  if (parcels.every((p) => p.duties.ruleId === "domestic")) return "No customs duties (ships domestically)";
  let duty = 0;
  let tax = 0;
  let charged = 0;
  let taxesLeftOut = false;
  for (const p of parcels) {
    duty += p.duties.duty.amount;
    tax += p.duties.tax.amount;
    charged += (p.duties.included ? p.duties.duty.amount : 0) + (p.duties.taxIncluded ? p.duties.tax.amount : 0);
    taxesLeftOut ||= p.duties.included && !p.duties.taxIncluded && p.duties.tax.amount > 0;
  }
  const nothingDue = parcels.every((p) => p.duties.collectedAt === "none");
  if (incoterm === "DDP") {
    const est = amount({ amount: charged, currency });
    if (taxesLeftOut) {
      const duties = charged > 0 ? `Duties prepaid, included (est. ${est})` : "No import duty expected";
      return `${duties}; VAT/GST charged separately at checkout`;
    }
    return charged > 0 ? `Duties & taxes prepaid, included (est. ${est})` : "No import duties or taxes expected";
  }
  if (nothingDue) return "No import duties or taxes expected";
  const estimate = duty + tax;
  return estimate > 0
    ? `Duties & taxes due on delivery (est. ${amount({ amount: estimate, currency })})`
    : "Duties & taxes, if any, due on delivery";
}

export function deliveryStatement(minDays: number, maxDays: number, minDate: string, maxDate: string): string {
  const days = minDays === maxDays ? `${minDays}` : `${minDays}–${maxDays}`;
  const dates = minDate === maxDate ? minDate : `${minDate} to ${maxDate}`;
  return `${days} business days after dispatch, arrives ${dates}`;
}
