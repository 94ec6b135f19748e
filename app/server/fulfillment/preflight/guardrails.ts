// Money guardrails before a supplier order is paid for. Pure; amounts are integer minor units. Costs are
// converted with the FX service's table for the shop (ECB reference rates, a merchant's override winning).
import { money, type Money } from "../../money";
import { convertMoney, FxRateMissing, type FxTable } from "../../fx/fx-table";

export interface GuardrailSettings {
  maxSupplierCostMinor: number | null;
  maxSupplierCostCurrency: string;
  marginFloorBps: number | null;
}

export type GuardrailProblem = { code: "MAX_COST_EXCEEDED" | "MARGIN_BELOW_FLOOR" | "COST_UNKNOWN" | "FX_RATE_MISSING"; message: string; fix: string };

const fmt = (m: Money) => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

export function checkGuardrails(input: { cost: Money | null; revenue: Money; settings: GuardrailSettings; fx: FxTable }): GuardrailProblem | null {
  try {
    return check(input);
  } catch (error) {
    if (!(error instanceof FxRateMissing)) throw error;
    return { code: "FX_RATE_MISSING", message: `There is no exchange rate from ${error.from} to ${error.to}, so the cost limits cannot be checked.`, fix: "Set a manual exchange rate for this pair in Settings, or approve this order manually." };
  }
}

function check(input: { cost: Money | null; revenue: Money; settings: GuardrailSettings; fx: FxTable }): GuardrailProblem | null {
  const { cost, revenue, settings, fx } = input;
  if (!cost) {
    if (settings.maxSupplierCostMinor === null && settings.marginFloorBps === null) return null;
    return { code: "COST_UNKNOWN", message: "The supplier cost of an item is not known, so the cost limits cannot be checked.", fix: "Refresh the product's supplier mapping so it has a cost, or approve this order manually." };
  }
  if (settings.maxSupplierCostMinor !== null) {
    const cap = money(settings.maxSupplierCostMinor, settings.maxSupplierCostCurrency);
    const comparable = convertMoney(cost, cap.currency, fx);
    if (comparable.amount > cap.amount) {
      return { code: "MAX_COST_EXCEEDED", message: `The supplier cost ${fmt(cost)} is above your limit of ${fmt(cap)} per order.`, fix: "Approve this order if the cost is right, or raise the maximum supplier cost in Orders → Settings." };
    }
  }
  if (settings.marginFloorBps !== null && revenue.amount > 0) {
    const costInShop = convertMoney(cost, revenue.currency, fx);
    const marginBps = Math.floor(((revenue.amount - costInShop.amount) * 10_000) / revenue.amount);
    if (marginBps < settings.marginFloorBps) {
      return {
        code: "MARGIN_BELOW_FLOOR",
        message: `The margin on this order is ${(marginBps / 100).toFixed(1)} %, below your floor of ${(settings.marginFloorBps / 100).toFixed(1)} % (supplier cost ${fmt(costInShop)} for ${fmt(revenue)} of sales).`,
        fix: "Approve this order to place it anyway, or review the product's price and your margin floor in Orders → Settings.",
      };
    }
  }
  return null;
}
