import { convert, type Money } from "../money";

/** Reference rates in the ECB's shape: 1 EUR = rates[X] units of X. */
export interface FxTable {
  base: "EUR";
  source: string;
  effectiveDate: string;
  rates: Record<string, number>;
  overrides?: Record<string, number>; // "CNY>USD" → merchant's rate for that pair
}

export class FxRateMissing extends Error {
  override name = "FxRateMissing";
  constructor(readonly from: string, readonly to: string) {
    super(`No exchange rate from ${from} to ${to}`);
  }
}

/** Units of `to` per unit of `from`; a merchant override for the pair wins. */
export function rateBetween(table: FxTable, from: string, to: string): number {
  if (from === to) return 1;
  const override = table.overrides?.[`${from}>${to}`];
  if (override) return override;
  const perEur = (code: string) => (code === "EUR" ? 1 : table.rates[code]);
  const fromRate = perEur(from);
  const toRate = perEur(to);
  if (!fromRate || !toRate) throw new FxRateMissing(from, to);
  return toRate / fromRate;
}

export function convertMoney(amount: Money, to: string, table: FxTable): Money {
  return convert(amount, to, rateBetween(table, amount.currency, to));
}
