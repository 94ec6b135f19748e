/**
 * Small dependency-free SVG charts for numbers people compare (prices, delivery windows).
 * Horizontal bars so long labels stay readable; every bar also prints its value, so the chart never
 * carries information that the text does not.
 */
export interface BarRow { label: string; value: number; valueText: string }
export interface RangeRow { label: string; from: number; to: number; valueText: string }

const ROW = 28;
const LABEL_W = 190;
const VALUE_W = 110;
const WIDTH = 640;
const PLOT_W = WIDTH - LABEL_W - VALUE_W;
const COLOR = "var(--p-color-bg-fill-brand, #303030)";

function Frame({ title, rows, children }: { title: string; rows: number; children: React.ReactNode }) {
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${rows * ROW + 8}`} width="100%" style={{ maxWidth: WIDTH, fontSize: 12 }}>
      <title>{title}</title>
      {children}
    </svg>
  );
}

// Row labels are data (variant specs, service names), not interface text: translate="no", which React's SVG types omit.
const DATA = { translate: "no" } as object;

function Label({ y, text }: { y: number; text: string }) {
  return <text {...DATA} x={LABEL_W - 8} y={y + ROW / 2 + 4} textAnchor="end">{text.length > 30 ? `${text.slice(0, 29)}…` : text}</text>;
}

/** One bar per row, scaled to the largest value (zero-based, so lengths compare honestly). */
export function BarChart({ title, rows }: { title: string; rows: readonly BarRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Frame title={title} rows={rows.length}>
      {rows.map((r, i) => {
        const y = i * ROW + 4;
        const w = Math.max(2, (r.value / max) * PLOT_W);
        return (
          <g key={r.label + i}>
            <Label y={y} text={r.label} />
            <rect x={LABEL_W} y={y + 5} width={w} height={ROW - 10} rx={3} fill={COLOR} />
            <text x={LABEL_W + w + 6} y={y + ROW / 2 + 4}>{r.valueText}</text>
          </g>
        );
      })}
    </Frame>
  );
}

/** One span per row from `from` to `to` on a shared axis starting at the smallest `from`. */
export function RangeChart({ title, rows }: { title: string; rows: readonly RangeRow[] }) {
  const min = Math.min(...rows.map((r) => r.from), 0);
  const max = Math.max(min + 1, ...rows.map((r) => r.to));
  const x = (v: number) => LABEL_W + ((v - min) / (max - min)) * PLOT_W;
  return (
    <Frame title={title} rows={rows.length}>
      {rows.map((r, i) => {
        const y = i * ROW + 4;
        return (
          <g key={r.label + i}>
            <Label y={y} text={r.label} />
            <line x1={LABEL_W} x2={LABEL_W + PLOT_W} y1={y + ROW / 2} y2={y + ROW / 2} stroke="#e3e3e3" />
            <rect x={x(r.from)} y={y + 7} width={Math.max(4, x(r.to) - x(r.from))} height={ROW - 14} rx={3} fill={COLOR} />
            <text x={LABEL_W + PLOT_W + 6} y={y + ROW / 2 + 4}>{r.valueText}</text>
          </g>
        );
      })}
    </Frame>
  );
}
