/** The sandbox supplier's own wire format; deliberately not our model, so the mapper has real work to do. */
export interface SandboxVariantRecord {
  vid: string;
  sku: string;
  specs: Record<string, string>;
  cost_fen: number;
  weight_g: number;
  dims_mm: [number, number, number];
  image: string;
  /** Warehouse code → units on hand. */
  stock: Record<string, number>;
}

export interface SandboxProductRecord {
  pid: string;
  title_en: string;
  title_zh: string;
  desc_en: string;
  desc_zh: string;
  category: string;
  product_type: string;
  brand: string;
  images: string[];
  options: { name: string; values: string[] }[];
  hs_code: string;
  origin: string;
  hazards: { battery: boolean; liquid: boolean; magnet: boolean; powder: boolean };
  warehouses: string[];
  popularity: number;
  listed_at: string;
  variants: SandboxVariantRecord[];
}

export type Bilingual = readonly [en: string, zh: string];

export interface OptionTemplate {
  readonly name: string;
  readonly values: readonly Bilingual[];
  /** Cost multiplier per value index (bigger capacity costs more); defaults to 1. */
  readonly costSteps?: readonly number[];
  readonly pick?: readonly [min: number, max: number];
}

export interface ProductTypeTemplate {
  readonly key: string;
  readonly name: Bilingual;
  readonly hs: string;
  readonly costYuan: readonly [number, number];
  readonly weightG: readonly [number, number];
  /** Typical L×W×H in mm; each product varies by ±20%. */
  readonly sizeMm: readonly [number, number, number];
  readonly options: readonly OptionTemplate[];
  readonly features: readonly Bilingual[];
  readonly hazards?: Partial<SandboxProductRecord["hazards"]>;
}

export interface CategoryTemplate {
  readonly id: string;
  readonly name: Bilingual;
  /** China warehouses this category usually ships from (3C from Shenzhen, small goods from Yiwu…). */
  readonly warehouses: readonly string[];
  readonly adjectives: readonly Bilingual[];
  readonly materials: readonly Bilingual[];
  readonly types: readonly ProductTypeTemplate[];
}
