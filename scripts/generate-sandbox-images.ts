// Draws one small SVG per sandbox category × colour into public/sandbox/images/ (committed, ~60 files).
//   npx tsx scripts/generate-sandbox-images.ts
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CATEGORY_TEMPLATES } from "../app/server/suppliers/sandbox/catalog/catalog-templates";
import { COLOUR_HEX } from "../app/server/suppliers/sandbox/catalog/option-values";

const OUT_DIR = path.resolve(import.meta.dirname, "../public/sandbox/images");

// One recognisable silhouette per category; fill is the product colour, details are a darker/lighter shade.
const SHAPES: Record<string, (fill: string, detail: string) => string> = {
  "phone-accessories": (f, d) =>
    `<rect x="110" y="40" width="180" height="320" rx="28" fill="${f}" stroke="${d}" stroke-width="6"/>` +
    `<rect x="135" y="62" width="62" height="62" rx="14" fill="${d}" opacity=".35"/><circle cx="155" cy="82" r="11" fill="${d}"/><circle cx="178" cy="104" r="11" fill="${d}"/>`,
  beauty: (f, d) =>
    `<rect x="150" y="60" width="100" height="60" rx="8" fill="${d}"/><rect x="120" y="120" width="160" height="230" rx="30" fill="${f}" stroke="${d}" stroke-width="6"/>` +
    `<rect x="150" y="200" width="100" height="60" rx="6" fill="#fff" opacity=".6"/>`,
  apparel: (f, d) =>
    `<path d="M140 60 L100 80 L50 150 L100 180 L120 160 L120 350 L280 350 L280 160 L300 180 L350 150 L300 80 L260 60 Q200 110 140 60 Z" fill="${f}" stroke="${d}" stroke-width="6" stroke-linejoin="round"/>`,
  "home-kitchen": (f, d) =>
    `<path d="M110 110 L290 110 L270 340 Q200 360 130 340 Z" fill="${f}" stroke="${d}" stroke-width="6" stroke-linejoin="round"/>` +
    `<path d="M290 160 Q350 170 340 230 Q330 280 278 280" fill="none" stroke="${d}" stroke-width="14" stroke-linecap="round"/>`,
  outdoor: (f, d) =>
    `<path d="M200 60 L350 330 L50 330 Z" fill="${f}" stroke="${d}" stroke-width="6" stroke-linejoin="round"/>` +
    `<path d="M200 180 L250 330 L150 330 Z" fill="${d}" opacity=".55"/><line x1="30" y1="332" x2="370" y2="332" stroke="${d}" stroke-width="6"/>`,
  toys: (f, d) =>
    `<rect x="80" y="170" width="240" height="150" rx="12" fill="${f}" stroke="${d}" stroke-width="6"/>` +
    [110, 170, 230, 290].map((x) => `<circle cx="${x}" cy="160" r="22" fill="${f}" stroke="${d}" stroke-width="6"/>`).join(""),
};

function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.max(0, Math.min(255, ((n >> shift) & 255) + amount));
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, "0")).join("")}`;
}

mkdirSync(OUT_DIR, { recursive: true });
let bytes = 0;
let files = 0;
for (const category of CATEGORY_TEMPLATES) {
  for (const [colour, hex] of Object.entries(COLOUR_HEX)) {
    const detail = colour === "black" || colour === "navy" ? shade(hex, 90) : shade(hex, -70);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" role="img" aria-label="${category.name[0].replace("&", "&amp;")} (${colour})">` +
      `<rect width="400" height="400" fill="#f6f6f7"/>${SHAPES[category.id]!(hex, detail)}</svg>\n`;
    writeFileSync(path.join(OUT_DIR, `${category.id}-${colour}.svg`), svg);
    bytes += svg.length;
    files += 1;
  }
}
console.log(`wrote ${files} SVGs (${(bytes / 1024).toFixed(1)} KiB) to ${path.relative(process.cwd(), OUT_DIR)}`);
