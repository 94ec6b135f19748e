import { generateCatalog } from "../catalog/catalog-generator";
import type { SandboxProductRecord, SandboxVariantRecord } from "../catalog/catalog-types";
import { buildSearchIndex, type SandboxSearchIndex } from "../catalog/search-index";

export interface CatalogStore {
  readonly products: readonly SandboxProductRecord[];
  readonly index: SandboxSearchIndex;
  product(pid: string): SandboxProductRecord | undefined;
  variant(vid: string): { product: SandboxProductRecord; variant: SandboxVariantRecord } | undefined;
}

/** Generated from the seed at startup: nothing big is committed, and every run sees the same catalog. */
export function createCatalogStore(seed: number, productCount: number): CatalogStore {
  const products = generateCatalog(seed, productCount);
  const index = buildSearchIndex(products);
  // Ids encode the position ("SBX000042" is product 41), so lookups need no extra map.
  const position = (pid: string) => {
    const match = /^SBX(\d{6})$/.exec(pid);
    return match ? Number(match[1]) - 1 : -1;
  };
  const product = (pid: string) => {
    const p = products[position(pid)];
    return p?.pid === pid ? p : undefined;
  };
  return {
    products,
    index,
    product,
    variant(vid) {
      const p = product(vid.slice(0, 9));
      const v = p?.variants.find((x) => x.vid === vid);
      return p && v ? { product: p, variant: v } : undefined;
    },
  };
}
