// Money guardrails before a supplier order is paid for. Pure; amounts are integer minor units.
import { convert, money, type Money } from "../../money";

export interface GuardrailSettings {
  maxSupplierCostMinor: number | null;
  maxSupplierCostCurrency: string;
  marginFloorBps: number | null;
  cnyPerShopUnit: number;
}

export type GuardrailProblem = { code: "MAX_COST_EXCEEDED" | "MARGIN_BELOW_FLOOR" | "COST_UNKNOWN"; message: string; fix: string };

const fmt = (m: Money) => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

/** Converts a supplier cost (CNY or USD) to another currency with the shop's configured CNY rate. */
function toShopCurrency(cost: Money, shopCurrency: string, cnyPerShopUnit: number): Money {
  if (cost.currency === shopCurrency) return cost;
  if (cost.currency === "CNY") return convert(cost, shopCurrency, 1 / cnyPerShopUnit);
  // USD suppliers (CJ): go through CNY at a fixed 7.1 until the FX service provides live rates.
  const cny = convert(cost, "CNY", 7.1);
  return shopCurrency === "CNY" ? cny : convert(cny, shopCurrency, 1 / cnyPerShopUnit);
}

export function checkGuardrails(input: { cost: Money | null; revenue: Money; settings: GuardrailSettings }): GuardrailProblem | null {
  const { cost, revenue, settings } = input;
  if (!cost) {
    if (settings.maxSupplierCostMinor === null && settings.marginFloorBps === null) return null;
    return { code: "COST_UNKNOWN", message: "The supplier cost of an item is not known, so the cost limits cannot be checked.", fix: "Refresh the product's supplier mapping so it has a cost, or approve this order manually." };
  }
  if (settings.maxSupplierCostMinor !== null) {
    const cap = money(settings.maxSupplierCostMinor, settings.maxSupplierCostCurrency);
    const comparable = toShopCurrency(cost, cap.currency, settings.cnyPerShopUnit);
    if (comparable.amount > cap.amount) {
      return { code: "MAX_COST_EXCEEDED", message: `The supplier cost ${fmt(cost)} is above your limit of ${fmt(cap)} per order.`, fix: "Approve this order if the cost is right, or raise the maximum supplier cost in Orders → Settings." };
    }
  }
  if (settings.marginFloorBps !== null && revenue.amount > 0) {
    const costInShop = toShopCurrency(cost, revenue.currency, settings.cnyPerShopUnit);
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
