/** SAMPLE warehouses: replace codes with the supplier's real warehouse ids when wiring stock. */
import type { Warehouse } from "../card-types";
import { EU_COUNTRIES } from "../duties/default-duty-rules";

export const SAMPLE_WAREHOUSES: readonly Warehouse[] = [
  { code: "CN-GZ", name: "Guangzhou", country: "CN", timeZone: "Asia/Shanghai", kind: "china", serves: [] },
  { code: "CN-SZ", name: "Shenzhen", country: "CN", timeZone: "Asia/Shanghai", kind: "china", serves: [] },
  { code: "CN-YW", name: "Yiwu", country: "CN", timeZone: "Asia/Shanghai", kind: "china", serves: [] },
  { code: "US-LA", name: "Los Angeles", country: "US", timeZone: "America/Los_Angeles", kind: "overseas", serves: ["US"] },
  { code: "DE-FRA", name: "Frankfurt", country: "DE", timeZone: "Europe/Berlin", kind: "overseas", serves: EU_COUNTRIES },
  { code: "UK-BHX", name: "Birmingham", country: "GB", timeZone: "Europe/London", kind: "overseas", serves: ["GB"] },
];

export const SAMPLE_DEFAULT_WAREHOUSE = "CN-SZ";
