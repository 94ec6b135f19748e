import type { TFunction } from "i18next";
import { BarChart } from "../charts/bar-chart";
import { useFormat, useT } from "../../i18n/react";
import type { Formatter } from "../../i18n/format";
import type { Money } from "../../server/money";

interface Components { cost: Money; shipping: Money | null; duties: Money | null; dutiesEstimated: boolean; dutiesInPrice: boolean }

/** The landed cost the margin is measured against, part by part (duties only when prices are meant to cover them). */
function componentsText(t: TFunction, fmt: Formatter, c: Components): string {
  const parts = [
    t("marginChart.cost", { amount: fmt.money(c.cost) }),
    c.shipping ? t("marginChart.shipping", { amount: fmt.money(c.shipping) }) : null,
    c.duties ? t("marginChart.duties", { amount: fmt.money(c.duties), estimated: c.dutiesEstimated ? "yes" : "no", buyerPays: c.dutiesInPrice ? "no" : "yes" }) : null,
  ];
  return parts.filter(Boolean).join(" + ");
}

/** Margin per variant; a loss is drawn as an empty bar and says so in its label, so no bar hides it. */
export function MarginChart({ variants }: { variants: Array<{ specs: string; sku: string; margin: Money; marginBps: number | null; components?: Components }> }) {
  const t = useT("product");
  const fmt = useFormat();
  const rows = variants.map((v) => {
    const bps = v.marginBps ?? 0;
    const margin = t(bps < 0 ? "marginChart.loss" : "marginChart.margin", { margin: fmt.money(v.margin), percent: fmt.percent(bps / 10_000) });
    return {
      label: v.specs || v.sku,
      value: Math.max(0, bps),
      valueText: v.components ? t("marginChart.withParts", { margin, parts: componentsText(t, fmt, v.components) }) : margin,
    };
  });
  return <BarChart title={t("marginChart.title")} rows={rows} />;
}
