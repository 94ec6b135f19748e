// Our small pages over JD's big ones: getSkuByPage returns up to 10,000 SKU ids per page with a pageCount
// (review F12, jd-contract.json → endpoints getSkuByPage), so a whole pool is reachable by offset.
import { ok, type SupplierResult } from "../supplier-result";
import { parseSkuPage } from "./mappers";

type Call = (path: string, params: Record<string, string>) => Promise<SupplierResult<unknown>>;
interface JdPage { pageCount: number; skuIds: string[] }

const MAX_CACHED_PAGES = 16; // bounded: a 10,000-id page is ~150 KB

export function createSkuPager(call: Call) {
  const cache = new Map<string, JdPage>();

  async function jdPage(pool: string, pageNo: number): Promise<SupplierResult<JdPage>> {
    const key = `${pool}:${pageNo}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return ok(hit);
    }
    const r = await call("/api/product/getSkuByPage", { pageNum: pool, pageNo: String(pageNo) });
    if (!r.ok) return r;
    const page = parseSkuPage(r.value);
    if (cache.size >= MAX_CACHED_PAGES) cache.delete(cache.keys().next().value!);
    cache.set(key, page);
    return ok(page);
  }

  return {
    /** SKU ids [offset, offset+count) of a pool, and the pool's total when JD's pages tell it. */
    async slice(pool: string, offset: number, count: number): Promise<SupplierResult<{ skuIds: string[]; total: number }>> {
      const first = await jdPage(pool, 1);
      if (!first.ok) return first;
      const { pageCount } = first.value;
      const perPage = Math.max(1, first.value.skuIds.length); // every page but the last is full
      let total = first.value.skuIds.length;
      if (pageCount > 1) {
        const last = await jdPage(pool, pageCount);
        if (!last.ok) return last;
        total = (pageCount - 1) * perPage + last.value.skuIds.length;
      }
      const skuIds: string[] = [];
      for (let at = offset; at < Math.min(offset + count, total); ) {
        const pageNo = Math.floor(at / perPage) + 1;
        const page = await jdPage(pool, pageNo);
        if (!page.ok) return page;
        const start = at - (pageNo - 1) * perPage;
        const taken = page.value.skuIds.slice(start, start + (offset + count - at));
        if (taken.length === 0) break;
        skuIds.push(...taken);
        at += taken.length;
      }
      return ok({ skuIds, total });
    },
  };
}
