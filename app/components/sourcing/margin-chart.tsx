import { BarChart } from "../charts/bar-chart";

/** Margin per variant; a loss is drawn as an empty bar and says so in its label, so no bar hides it. */
export function MarginChart({ variants }: { variants: Array<{ specs: string; sku: string; margin: string; marginBps: number | null }> }) {
  const rows = variants.map((v) => ({
    label: v.specs || v.sku,
    value: Math.max(0, v.marginBps ?? 0),
    valueText: `${v.margin} (${((v.marginBps ?? 0) / 100).toFixed(1)} %)${(v.marginBps ?? 0) < 0 ? " loss" : ""}`,
  }));
  return <BarChart title="Margin per variant at your pricing rules" rows={rows} />;
}
