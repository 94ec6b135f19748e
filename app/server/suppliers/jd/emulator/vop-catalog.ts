// Product pools, SKU detail, customer prices and per-area stock, generated from a seed (nothing large
// committed). Field names and value conventions follow jd-contract.json → endpoints getPageNum, getSkuByPage,
// getDetail, getSellPrice, getNewStockById, and enums.stockStateId.
import { mixSeed } from "../../sandbox/catalog/prng";

interface Template { name: string; brand: string; category: string; weightKg: string; baseFen: number; param: string; intro: string }

// Chinese-only text as JD returns it (getDetail name/introduction/param are Chinese).
const TEMPLATES: readonly Template[] = [
  { name: "罗马仕 充电宝 20000毫安 22.5W快充 移动电源", brand: "罗马仕（ROMOSS）", category: "652;829;5008", weightKg: "0.42", baseFen: 7990, param: "<table><tr><td>电池类型</td><td>锂聚合物电池</td></tr></table>", intro: "<div><p>大容量 双向快充</p></div>" },
  { name: "绿联 Type-C数据线 1米 编织快充线", brand: "绿联（UGREEN）", category: "652;829;5009", weightKg: "0.05", baseFen: 2990, param: "<table><tr><td>长度</td><td>1米</td></tr></table>", intro: "<p>尼龙编织 耐弯折</p>" },
  { name: "小米 蓝牙耳机 降噪 长续航", brand: "小米（MI）", category: "652;828;842", weightKg: "0.08", baseFen: 19900, param: "<table><tr><td>电池</td><td>内置锂电池</td></tr></table>", intro: "<p>主动降噪 低延迟</p>" },
  { name: "美的 电水壶 304不锈钢 1.7L", brand: "美的（Midea）", category: "737;752;760", weightKg: "1.1", baseFen: 9860, param: "<table><tr><td>容量</td><td>1.7L</td></tr></table>", intro: "<p>双层防烫 全钢无缝</p>" },
  { name: "齐心 中性笔 0.5mm 黑色 12支装", brand: "齐心（Comix）", category: "670;729;2603", weightKg: "0.12", baseFen: 1160, param: "<table><tr><td>笔芯</td><td>0.5mm</td></tr></table>", intro: "<p>顺滑书写 办公必备</p>" },
  { name: "苏泊尔 不粘炒锅 32cm 燃气电磁炉通用", brand: "苏泊尔（SUPOR）", category: "6196;6197;6199", weightKg: "1.8", baseFen: 15900, param: "<table><tr><td>直径</td><td>32cm</td></tr></table>", intro: "<p>少油烟 不粘涂层</p>" },
  { name: "得力 A4复印纸 70g 500张/包", brand: "得力（deli）", category: "670;729;4837", weightKg: "2.3", baseFen: 2350, param: "<table><tr><td>克重</td><td>70g</td></tr></table>", intro: "<p>高白度 不卡纸</p>" },
  { name: "李宁 运动速干T恤 男款 圆领短袖", brand: "李宁（LI-NING）", category: "1318;1345;1349", weightKg: "0.2", baseFen: 8900, param: "<table><tr><td>面料</td><td>聚酯纤维</td></tr></table>", intro: "<p>吸湿速干 透气</p>" },
  { name: "牧高笛 户外帐篷 双人 防雨", brand: "牧高笛（MOBIGARDEN）", category: "1318;12099;1357", weightKg: "2.6", baseFen: 39900, param: "<table><tr><td>适用人数</td><td>2人</td></tr></table>", intro: "<p>防暴雨 快速搭建</p>" },
  { name: "膜法世家 补水面膜 25片装", brand: "膜法世家", category: "1316;1381;1392", weightKg: "0.6", baseFen: 6900, param: "<table><tr><td>功效</td><td>补水保湿（含精华液）</td></tr></table>", intro: "<p>深层补水</p>" },
];

export const POOLS = [
  { page_num: "31950", name: "数码配件" },
  { page_num: "31951", name: "家居办公" },
  { page_num: "31952", name: "运动户外与美妆" },
] as const;

export interface VopSku {
  sku: number;
  pool: string;
  template: Template;
  /** Customer price in fen; -1 = JD has no price for this account ("price/jdPrice == -1 means not found"). */
  priceFen: number;
  jdPriceFen: number;
  /** 1 上架 / 0 下架 (getDetail state). */
  state: 0 | 1;
  /** Which JD warehouse ships it: an order spanning several is split into child orders (type 1/2). */
  shipper: number;
}

export interface VopCatalogOptions { seed: number; skusPerPool: number }

export function createVopCatalog({ seed, skusPerPool }: VopCatalogOptions) {
  const skus = new Map<number, VopSku>();
  POOLS.forEach((pool, p) => {
    for (let i = 0; i < skusPerPool; i++) {
      const sku = 100012000000 + p * 100_000 + i;
      const template = TEMPLATES[(p * 3 + i) % TEMPLATES.length]!;
      const r = mixSeed(seed, sku);
      const priceFen = template.baseFen + (r % 7) * 100 - 300;
      // Every 17th SKU has no price for this account: getSellPrice answers -1 for it.
      skus.set(sku, { sku, pool: pool.page_num, template, priceFen: i % 17 === 16 ? -1 : priceFen, jdPriceFen: Math.round(priceFen * 1.25), state: 1, shipper: i % 3 });
    }
  });

  /** Units held for an area: per province, from the seed; some SKUs are not stocked in far-west provinces. */
  function stockIn(sku: VopSku, provinceId: number): number {
    if (sku.state === 0) return 0;
    if ((provinceId === 26 || provinceId === 31) && sku.sku % 5 === 0) return 0;
    const r = mixSeed(seed ^ provinceId, sku.sku) % 100;
    return r < 6 ? 0 : r < 12 ? 1 + (r % 4) : 200;
  }

  return {
    pools: POOLS,
    sku: (id: number) => skus.get(id),
    skusOfPool: (pool: string) => [...skus.values()].filter((s) => s.pool === pool).map((s) => s.sku),
    stockIn,
    /** Test and demo control: JD changes a price (sends message type 2). */
    setPrice(id: number, fen: number) {
      const s = skus.get(id);
      if (s) s.priceFen = fen;
    },
    /** Test and demo control: JD takes a SKU off the shelf or puts it back (message type 4). */
    setShelf(id: number, on: boolean) {
      const s = skus.get(id);
      if (s) s.state = on ? 1 : 0;
    },
  };
}

export type VopCatalog = ReturnType<typeof createVopCatalog>;
