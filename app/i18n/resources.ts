// The message catalogs, one JSON file per page namespace and locale (app/locales/<locale>/<namespace>.json).
// Adding a page: create both files, import them here, add the namespace to NAMESPACES (docs/adr/1900-i18n.md).
import enCommon from "../locales/en/common.json";
import zhCommon from "../locales/zh-CN/common.json";
import enHome from "../locales/en/home.json";
import zhHome from "../locales/zh-CN/home.json";
import enCatalog from "../locales/en/catalog.json";
import zhCatalog from "../locales/zh-CN/catalog.json";
import enImportList from "../locales/en/import-list.json";
import zhImportList from "../locales/zh-CN/import-list.json";
import enOrders from "../locales/en/orders.json";
import zhOrders from "../locales/zh-CN/orders.json";
import enShipping from "../locales/en/shipping.json";
import zhShipping from "../locales/zh-CN/shipping.json";
import enSettings from "../locales/en/settings.json";
import zhSettings from "../locales/zh-CN/settings.json";
import enJobs from "../locales/en/jobs.json";
import zhJobs from "../locales/zh-CN/jobs.json";
import enMappings from "../locales/en/mappings.json";
import zhMappings from "../locales/zh-CN/mappings.json";
import enPrivacy from "../locales/en/privacy.json";
import zhPrivacy from "../locales/zh-CN/privacy.json";
import enConsolidation from "../locales/en/consolidation.json";
import zhConsolidation from "../locales/zh-CN/consolidation.json";
import enSync from "../locales/en/sync.json";
import zhSync from "../locales/zh-CN/sync.json";
import enPlans from "../locales/en/plans.json";
import zhPlans from "../locales/zh-CN/plans.json";
import enShippingTools from "../locales/en/shipping-tools.json";
import zhShippingTools from "../locales/zh-CN/shipping-tools.json";
import enLinking from "../locales/en/linking.json";
import zhLinking from "../locales/zh-CN/linking.json";
import enOrder from "../locales/en/order.json";
import zhOrder from "../locales/zh-CN/order.json";
import enNotes from "../locales/en/notes.json";
import zhNotes from "../locales/zh-CN/notes.json";
import enProduct from "../locales/en/product.json";
import zhProduct from "../locales/zh-CN/product.json";
import enImportItem from "../locales/en/import-item.json";
import zhImportItem from "../locales/zh-CN/import-item.json";
import enRules from "../locales/en/rules.json";
import zhRules from "../locales/zh-CN/rules.json";
import enMessages from "../locales/en/messages.json";
import zhMessages from "../locales/zh-CN/messages.json";
import type { Locale } from "./locales";

export const NAMESPACES = ["common", "home", "catalog", "import-list", "orders", "shipping", "settings", "jobs", "mappings", "privacy", "consolidation", "sync", "plans", "shipping-tools", "linking", "order", "notes", "product", "import-item", "rules", "messages"] as const;
export type Namespace = (typeof NAMESPACES)[number];

type Catalog = { [key: string]: string | Catalog };

export const resources: Record<Locale, Record<Namespace, Catalog>> = {
  en: { common: enCommon, home: enHome, catalog: enCatalog, "import-list": enImportList, orders: enOrders, shipping: enShipping, settings: enSettings, jobs: enJobs, mappings: enMappings, privacy: enPrivacy, consolidation: enConsolidation, sync: enSync, plans: enPlans, "shipping-tools": enShippingTools, linking: enLinking, order: enOrder, notes: enNotes, product: enProduct, "import-item": enImportItem, rules: enRules, messages: enMessages },
  "zh-CN": { common: zhCommon, home: zhHome, catalog: zhCatalog, "import-list": zhImportList, orders: zhOrders, shipping: zhShipping, settings: zhSettings, jobs: zhJobs, mappings: zhMappings, privacy: zhPrivacy, consolidation: zhConsolidation, sync: zhSync, plans: zhPlans, "shipping-tools": zhShippingTools, linking: zhLinking, order: zhOrder, notes: zhNotes, product: zhProduct, "import-item": zhImportItem, rules: zhRules, messages: zhMessages },
};
