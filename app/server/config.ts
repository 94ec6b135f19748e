import { z } from "zod";

// The scopes Silkroute asks for; shopify.app.toml declares the same list (a test keeps them equal).
export const APP_SCOPES = [
  "read_products", "write_products",
  "read_inventory", "write_inventory",
  "read_orders",
  "write_fulfillments",
  "read_assigned_fulfillment_orders", "write_assigned_fulfillment_orders",
  "read_merchant_managed_fulfillment_orders", "write_merchant_managed_fulfillment_orders",
  "write_shipping",
  "read_delivery_customizations", "write_delivery_customizations",
  "read_locations",
] as const;

// Offline defaults, so a fresh clone runs the demo with no configuration. Never used in production.
export const DEMO_DEFAULTS = {
  SHOPIFY_API_KEY: "silkroute-demo-api-key",
  SHOPIFY_API_SECRET: "silkroute-demo-api-secret",
  SHOPIFY_APP_URL: "http://127.0.0.1:3000",
  DEMO_SHOP: "silkroute-demo.myshopify.com",
} as const;

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.string().url(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  SILKROUTE_MODE: z.enum(["production", "demo", "test"]).default("production"),
  APP_BRIDGE_URL: z.string().url().optional(),
  // Budget of the CarrierService callback's installed-shop cache (entries; only shops whose requests are signed).
  SILKROUTE_INSTALLED_SHOP_CACHE_ENTRIES: z.coerce.number().int().min(1).default(10_000),
});

export type AppConfig = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const isProduction = env.NODE_ENV === "production" && env.SILKROUTE_MODE !== "demo";
  const withDefaults = isProduction ? env : { ...DEMO_DEFAULTS, ...pickDefined(env) };
  const parsed = schema.safeParse(withDefaults);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Silkroute configuration is invalid (${fields}). See README "Configuration".`);
  }
  return parsed.data;
}

function pickDefined(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
}

/** The App Bridge script URL: the real CDN script, unless a demo or test shell serves a stand-in. */
export function appBridgeUrl(config: AppConfig): string | undefined {
  return config.SILKROUTE_MODE !== "production" ? config.APP_BRIDGE_URL : undefined;
}
