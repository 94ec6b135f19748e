import type { CategoryTemplate } from "./catalog-types";
import { BEAUTY, PHONE_ACCESSORIES } from "./templates-electronics-beauty";
import { APPAREL, HOME_KITCHEN } from "./templates-apparel-home";
import { OUTDOOR, TOYS } from "./templates-outdoor-toys";

export const CATEGORY_TEMPLATES: readonly CategoryTemplate[] = [PHONE_ACCESSORIES, BEAUTY, APPAREL, HOME_KITCHEN, OUTDOOR, TOYS];

export const CHINA_WAREHOUSES = ["CN-GZ", "CN-SZ", "CN-YW"] as const;
export const OVERSEAS_WAREHOUSES = ["US", "DE", "UK"] as const;

export const WAREHOUSE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  "CN-GZ": ["Guangzhou", "广州"], "CN-SZ": ["Shenzhen", "深圳"], "CN-YW": ["Yiwu", "义乌"],
  US: ["United States", "美国"], DE: ["Germany", "德国"], UK: ["United Kingdom", "英国"],
};
