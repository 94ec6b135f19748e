// Money guardrails before a supplier order is paid for. Pure; amounts are integer minor units. Costs are
// converted with the FX service's table for the shop (ECB reference rates, a merchant's override winning).
import { money, type Money } from "../../money";
import { convertMoney, FxRateMissing, type FxTable } from "../../fx/fx-table";
import { storedText } from "../order-text";

export interface GuardrailSettings {
  maxSupplierCostMinor: number | null;
  maxSupplierCostCurrency: string;
  marginFloorBps: number | null;
}

/** `message` and `fix` are stored catalog messages (order-text.ts), shown in the merchant's language. */
export type GuardrailProblem = { code: "MAX_COST_EXCEEDED" | "MARGIN_BELOW_FLOOR" | "COST_UNKNOWN" | "FX_RATE_MISSING"; message: string; fix: string };

const fmt = (m: Money) => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

export function checkGuardrails(input: { cost: Money | null; revenue: Money; settings: GuardrailSettings; fx: FxTable }): GuardrailProblem | null {
  try {
    return check(input);
  } catch (error) {
    if (!(error instanceof FxRateMissing)) throw error;
    return { code: "FX_RATE_MISSING", message: storedText("order:reason.fxRateMissing", { from: error.from, to: error.to }), fix: storedText("order:fix.fxRateMissing") };
  }
}

function check(input: { cost: Money | null; revenue: Money; settings: GuardrailSettings; fx: FxTable }): GuardrailProblem | null {
  const { cost, revenue, settings, fx } = input;
  if (!cost) {
    if (settings.maxSupplierCostMinor === null && settings.marginFloorBps === null) return null;
    return { code: "COST_UNKNOWN", message: storedText("order:reason.costUnknown"), fix: storedText("order:fix.costUnknown") };
  }
  if (settings.maxSupplierCostMinor !== null) {
    const cap = money(settings.maxSupplierCostMinor, settings.maxSupplierCostCurrency);
    const comparable = convertMoney(cost, cap.currency, fx);
    if (comparable.amount > cap.amount) {
      return { code: "MAX_COST_EXCEEDED", message: storedText("order:reason.maxCostExceeded", { cost: fmt(cost), limit: fmt(cap) }), fix: storedText("order:fix.maxCostExceeded") };
    }
  }
  if (settings.marginFloorBps !== null && revenue.amount > 0) {
    const costInShop = convertMoney(cost, revenue.currency, fx);
    const marginBps = Math.floor(((revenue.amount - costInShop.amount) * 10_000) / revenue.amount);
    if (marginBps < settings.marginFloorBps) {
      return {
        code: "MARGIN_BELOW_FLOOR",
        message: storedText("order:reason.marginBelowFloor", { margin: (marginBps / 100).toFixed(1), floor: (settings.marginFloorBps / 100).toFixed(1), cost: fmt(costInShop), revenue: fmt(revenue) }),
        fix: storedText("order:fix.marginBelowFloor"),
      };
    }
  }
  return null;
}
