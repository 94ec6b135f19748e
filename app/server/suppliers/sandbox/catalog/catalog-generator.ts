import type { Bilingual, CategoryTemplate, OptionTemplate, ProductTypeTemplate, SandboxProductRecord, SandboxVariantRecord } from "./catalog-types";
import { CATEGORY_TEMPLATES, OVERSEAS_WAREHOUSES, WAREHOUSE_NAMES } from "./catalog-templates";
import { createRandom, mixSeed, type Random } from "./prng";

const BRAND_SYLLABLES = ["lu", "mo", "ki", "va", "zen", "ro", "ta", "shi", "no", "ax", "ly", "qi", "be", "ora", "pix", "del"];
const LISTED_FROM = Date.UTC(2024, 0, 1);
const LISTED_SPAN_DAYS = 700;

export const DEFAULT_SANDBOX_SEED = 20261122;

/** Product `index` of the catalog for `seed`; pure, so any product can be regenerated on its own. */
export function generateProduct(seed: number, index: number): SandboxProductRecord {
  const rng = createRandom(mixSeed(seed, index));
  const category = CATEGORY_TEMPLATES[index % CATEGORY_TEMPLATES.length]!;
  const type = rng.pick(category.types);
  const pid = `SBX${String(index + 1).padStart(6, "0")}`;
  const brand = makeBrand(rng);
  const adjective = rng.pick(category.adjectives);
  const material = rng.pick(category.materials);
  const feature = rng.pick(type.features);
  const options = type.options.map((o) => pickOptionValues(rng, o));
  const warehouses = pickWarehouses(rng, category);
  const hazards = { battery: false, liquid: false, magnet: false, powder: false, ...type.hazards };
  const baseCostFen = rng.int(type.costYuan[0] * 10, type.costYuan[1] * 10) * 10;
  const size = type.sizeMm.map((mm) => Math.round(mm * (0.8 + rng.next() * 0.4))) as [number, number, number];
  const weight = rng.int(type.weightG[0], type.weightG[1]);
  const defaultColour = rng.pick(["black", "white", "grey", "blue"]);
  const variants = combine(options).map((combo, i) =>
    buildVariant(rng, { pid, index: i, combo, options: type.options, category, baseCostFen, weight, size, warehouses, defaultColour }));
  const title: Bilingual = [
    `${brand} ${adjective[0]} ${type.name[0]} - ${feature[0]}`,
    `${brand} ${adjective[1]}${type.name[1]} ${feature[1]}`,
  ];
  const where = warehouses.map((w) => WAREHOUSE_NAMES[w] ?? [w, w]);
  return {
    pid,
    title_en: title[0],
    title_zh: title[1],
    desc_en: `${title[0]}. Made of ${material[0]}. ${feature[0]} for everyday use. Ships from ${where.map((w) => w[0]).join(", ")}.`,
    desc_zh: `${title[1]}，采用${material[1]}材质，${feature[1]}。发货仓：${where.map((w) => w[1]).join("、")}。`,
    category: category.id,
    product_type: type.key,
    brand,
    images: [...new Set(variants.map((v) => v.image))].slice(0, 4),
    options: options.map((values, i) => ({ name: type.options[i]!.name, values: values.map((v) => v.value[0]) })),
    hs_code: type.hs,
    origin: "CN",
    hazards,
    warehouses,
    popularity: rng.int(0, 10_000),
    listed_at: new Date(LISTED_FROM + rng.int(0, LISTED_SPAN_DAYS) * 86_400_000).toISOString(),
    variants,
  };
}

export function generateCatalog(seed: number, count: number): SandboxProductRecord[] {
  const products = new Array<SandboxProductRecord>(count);
  for (let i = 0; i < count; i++) products[i] = generateProduct(seed, i);
  return products;
}

interface PickedValue { value: Bilingual; step: number }

function pickOptionValues(rng: Random, option: OptionTemplate): PickedValue[] {
  const [min, max] = option.pick ?? [1, option.values.length];
  const indices = rng.sample(option.values.map((_, i) => i), rng.int(min, max));
  return indices.map((i) => ({ value: option.values[i]!, step: option.costSteps?.[i] ?? 1 }));
}

function combine(options: PickedValue[][]): PickedValue[][] {
  return options.reduce<PickedValue[][]>((acc, values) => acc.flatMap((combo) => values.map((v) => [...combo, v])), [[]]);
}

function pickWarehouses(rng: Random, category: CategoryTemplate): string[] {
  const china = rng.sample(category.warehouses, rng.int(1, category.warehouses.length));
  const overseas = rng.chance(0.2) ? rng.sample(OVERSEAS_WAREHOUSES, rng.int(1, 2)) : [];
  return [...china, ...overseas];
}

function buildVariant(
  rng: Random,
  ctx: { pid: string; index: number; combo: PickedValue[]; options: readonly OptionTemplate[]; category: CategoryTemplate;
    baseCostFen: number; weight: number; size: [number, number, number]; warehouses: string[]; defaultColour: string },
): SandboxVariantRecord {
  const specs: Record<string, string> = {};
  ctx.combo.forEach((v, i) => { specs[ctx.options[i]!.name] = v.value[0]; });
  const step = ctx.combo.reduce((acc, v) => acc * v.step, 1);
  const colour = (specs.Color ?? ctx.defaultColour).toLowerCase();
  const stock: Record<string, number> = {};
  for (const w of ctx.warehouses) {
    const overseas = !w.startsWith("CN-");
    stock[w] = rng.chance(0.08) ? 0 : overseas ? rng.int(1, 300) : rng.int(5, 3_000);
  }
  const code = ctx.combo.map((v) => v.value[0].replace(/[^A-Za-z0-9]/g, "").slice(0, 4).toUpperCase()).join("-");
  return {
    vid: `${ctx.pid}-${String(ctx.index + 1).padStart(2, "0")}`,
    sku: code ? `${ctx.pid}-${code}` : ctx.pid,
    specs,
    cost_fen: Math.round((ctx.baseCostFen * step) / 10) * 10,
    weight_g: Math.round(ctx.weight * Math.sqrt(step)),
    dims_mm: ctx.size,
    image: `/sandbox/images/${ctx.category.id}-${colour}.svg`,
    stock,
  };
}

function makeBrand(rng: Random): string {
  const name = rng.pick(BRAND_SYLLABLES) + rng.pick(BRAND_SYLLABLES) + (rng.chance(0.4) ? rng.pick(BRAND_SYLLABLES) : "");
  return name[0]!.toUpperCase() + name.slice(1);
}

export type { ProductTypeTemplate };
