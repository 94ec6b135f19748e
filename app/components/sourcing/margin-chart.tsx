import { BarChart } from "../charts/bar-chart";

interface Components { cost: string; shipping: string | null; duties: string | null; dutiesInPrice: boolean }

/** The landed cost the margin is measured against, part by part (duties only when prices are meant to cover them). */
function componentsText(c: Components | undefined): string {
  if (!c) return "";
  const parts = [`cost ${c.cost}`, c.shipping ? `shipping ${c.shipping}` : null, c.duties ? `duties & fees ${c.duties}${c.dutiesInPrice ? "" : " (paid by the buyer)"}` : null];
  return ` · ${parts.filter(Boolean).join(" + ")}`;
}

/** Margin per variant; a loss is drawn as an empty bar and says so in its label, so no bar hides it. */
export function MarginChart({ variants }: { variants: Array<{ specs: string; sku: string; margin: string; marginBps: number | null; components?: Components }> }) {
  const rows = variants.map((v) => ({
    label: v.specs || v.sku,
    value: Math.max(0, v.marginBps ?? 0),
    valueText: `${v.margin} (${((v.marginBps ?? 0) / 100).toFixed(1)} %)${(v.marginBps ?? 0) < 0 ? " loss" : ""}${componentsText(v.components)}`,
  }));
  return <BarChart title="Margin per variant at your pricing rules" rows={rows} />;
}
