// JD's own area tree (not GB/T 2260 codes), holding ONLY ids published in the cited material:
// /work/shared/reference/supplier-contracts/jd-contract.json → area.endpoints (getProvince/getCity/getCounty
// verbatim dumps from superdesk_jd_vop sdk/md/4.1–4.3) and area.known_ids (JAreaSelect crawl, OYMLCN tests,
// getJDAddressFromAddress dumps). A parent whose children were never published answers an empty map.

type NameToId = Readonly<Record<string, number>>;

// 4.1 获取一级地址, verbatim (all 34; short names without 省).
export const PROVINCES: NameToId = {
  北京: 1, 上海: 2, 天津: 3, 重庆: 4, 河北: 5, 山西: 6, 河南: 7, 辽宁: 8, 吉林: 9, 黑龙江: 10, 内蒙古: 11, 江苏: 12,
  山东: 13, 安徽: 14, 浙江: 15, 福建: 16, 湖北: 17, 湖南: 18, 广东: 19, 广西: 20, 江西: 21, 四川: 22, 海南: 23, 贵州: 24,
  云南: 25, 西藏: 26, 陕西: 27, 甘肃: 28, 青海: 29, 宁夏: 30, 新疆: 31, 台湾: 32, 钓鱼岛: 84, 港澳: 52993,
};

// 4.2 获取二级地址: Guangdong verbatim; Beijing/Zhejiang/Shanghai/Sichuan/Shandong from known_ids.
export const CITIES: Readonly<Record<number, NameToId>> = {
  19: {
    潮州市: 1705, 珠海市: 1609, 阳江市: 1672, 东莞市: 1655, 茂名市: 1684, 韶关市: 1617, 梅州市: 1634, 肇庆市: 1690, 中山市: 1657,
    湛江市: 1677, 清远市: 1704, 佛山市: 1666, 广州市: 1601, 汕尾市: 1650, 惠州市: 1643, 深圳市: 1607, 汕头市: 1611, 江门市: 1659,
    云浮市: 1698, 揭阳市: 1709, 河源市: 1627,
  },
  1: { 朝阳区: 72, 海淀区: 2800 },
  15: { 杭州市: 1213, 宁波市: 1158, 温州市: 1233, 金华市: 1262 },
  2: { 浦东新区: 2830 },
  22: { 成都市: 1930, 德阳市: 1962 },
  13: { 济南市: 1000, 泰安市: 1112, 济宁市: 2900 },
};

// 4.3 获取三级地址: Shenzhen and Beijing-Chaoyang verbatim; the rest from the JAreaSelect crawl.
export const COUNTIES: Readonly<Record<number, NameToId>> = {
  1607: { 罗湖区: 3638, 福田区: 3639, 宝安区: 4773, 龙华新区: 47388, 南山区: 3155, 盐田区: 47387, 坪山新区: 6736, 龙岗区: 40152, 大鹏新区: 6737, 光明新区: 6675 },
  1601: { 天河区: 3633, 海珠区: 3634, 荔湾区: 3635, 越秀区: 3637, 番禺区: 36953, 花都区: 50256, 白云区: 50258, 南沙区: 50259, 黄埔区: 50283, 增城区: 50284, 从化区: 50285 },
  1666: { 顺德区: 1669, 禅城区: 36264, 高明区: 36265, 三水区: 36266, 南海区: 36267 },
  1655: { 莞城区: 4255, 长安镇: 4760, 虎门镇: 39462, 常平镇: 4886, 松山湖: 4147 },
  1262: { 金东区: 1263, 兰溪市: 1264, 婺城区: 1265, 义乌市: 1266, 东阳市: 1267, 永康市: 1268, 武义县: 1269, 浦江县: 1270, 磐安县: 1271 },
  72: { 三环以内: 2799, 三环到四环之间: 2819, 四环到五环之间: 2839, 五环到六环之间: 2840, 管庄: 4137, 北苑: 4139, 定福庄: 4211 },
  2830: { 城区: 51800, 川沙新镇: 51801, 张江镇: 51810, 金桥镇: 51807 },
  1930: { 武侯区: 50947 },
  1962: { 旌阳区: 39012 },
  1000: { 历下区: 4277 },
  1112: { 宁阳县: 3535 },
  2900: { 嘉祥县: 2915 },
};

// 4.4 获取四级地址: the few published town ids. Town names not shown in a source are labelled by id.
export const TOWNS: Readonly<Record<number, NameToId>> = {
  1669: { 均安镇: 52082 }, // OYMLCN test: 19_1666_1669_52082
  50947: { 城区: 52198 }, // getJDAddressFromAddress dump: 22_1930_50947_52198
  2915: { "乡镇 25785": 25785 }, // libjdvop checkArea test
  39012: { "乡镇 39066": 39066 }, // jd-vop-api checkArea test
  3535: { "乡镇 46682": 46682 }, // libjdvop checkAreaLimit test
};

export function childrenOf(level: "city" | "county" | "town", parentId: number): NameToId | undefined {
  const table = level === "city" ? CITIES : level === "county" ? COUNTIES : TOWNS;
  return table[parentId];
}

const isIn = (map: NameToId | undefined, id: number) => !!map && Object.values(map).includes(id);

/**
 * Whether province/city/county/town is a chain JD would accept: the town is mandatory when the county has
 * towns and must be 0 when it has none ("如果该地区有四级地址，则必须传递四级地址，没有四级地址则传0", contract
 * area.id_rules.town_rule). Unchosen lower levels of a stock area may be 0 ("1_0_0", getNewStockById).
 */
export function isKnownChain(ids: readonly number[], { lowerLevelsMayBeZero }: { lowerLevelsMayBeZero: boolean }): boolean {
  const [province, city = 0, county = 0, town = 0] = ids;
  if (province === undefined || !Object.values(PROVINCES).includes(province)) return false;
  if (city === 0) return lowerLevelsMayBeZero && county === 0 && town === 0;
  if (!isIn(CITIES[province], city)) return false;
  if (county === 0) return lowerLevelsMayBeZero && town === 0;
  if (!isIn(COUNTIES[city], county)) return false;
  const towns = TOWNS[county];
  if (town === 0) return !towns || lowerLevelsMayBeZero;
  return isIn(towns, town);
}
