import { z } from "zod";
import { parseKeyRing } from "./security/encryption";
import { retentionDays } from "./jobs/retention";

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

// Offline defaults, so a fresh clone runs the demo and the tests with no configuration. Only in demo/test mode.
export const DEMO_DEFAULTS = {
  SHOPIFY_API_KEY: "silkroute-demo-api-key",
  SHOPIFY_API_SECRET: "silkroute-demo-api-secret",
  SHOPIFY_APP_URL: "http://127.0.0.1:3000",
  DEMO_SHOP: "silkroute-demo.myshopify.com",
} as const;

/** process.env or a test's plain object. */
export type Env = Readonly<Record<string, string | undefined>>;

export const SILKROUTE_MODES = ["production", "demo", "test"] as const;
export type SilkrouteMode = (typeof SILKROUTE_MODES)[number];

/** Must match the default in package.json's start script, which passes it to node before any code runs. */
export const DEFAULT_HEAP_MB = 384;

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_APP_URL: z.string().url(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  SILKROUTE_MODE: z.enum(SILKROUTE_MODES).default("production"),
  APP_BRIDGE_URL: z.string().url().optional(),
  // Budget of the CarrierService callback's installed-shop cache (entries; only shops whose requests are signed).
  SILKROUTE_INSTALLED_SHOP_CACHE_ENTRIES: z.coerce.number().int().min(1).default(10_000),
  // Budget of the in-memory mapping tables, all shops together (MB, estimated from row counts); least recently
  // quoted shops are dropped first and reload on their next rate request.
  SILKROUTE_MAPPING_CACHE_MB: z.coerce.number().positive().default(256),
  // Ceiling on the web process's resident memory (MB). The mapping tables yield room to the rest of the process,
  // least recently quoted first, so that the whole stays under it (down to a quarter of their budget; ADR 0723).
  // Unset: SILKROUTE_MAPPING_CACHE_MB + 150 (DEFAULT_HEADROOM_MB in mapping-store/memory-ceiling.ts).
  SILKROUTE_MEMORY_MB: z.coerce.number().int().min(128).optional(),
  // Budget of the cached callback answers, all shops together (entries).
  SILKROUTE_QUOTE_CACHE_ENTRIES: z.coerce.number().int().min(1).default(50_000),
  // Budget of the compiled shop rate contexts (rate cards, rules): one entry per shop.
  SILKROUTE_RATE_CONTEXT_CACHE_ENTRIES: z.coerce.number().int().min(1).default(2_000),
  // V8's old-space limit of the web process in MB: `npm start` passes it to node as --max-old-space-size. The mapping
  // tables are typed arrays outside that heap with their own budget above; this bounds everything else, garbage
  // included (uncapped, V8 lets a 24 GB machine's heap grow far past what the caches hold; issue #10's benchmark).
  SILKROUTE_HEAP_MB: z.coerce.number().int().min(128).default(DEFAULT_HEAP_MB),
  // Every N seconds the web process logs its memory (RSS, V8 heap, array buffers); 0 = never.
  SILKROUTE_MEMORY_LOG_SECONDS: z.coerce.number().int().min(0).default(0),
  // How long finished jobs, webhook deliveries and sent data-request exports are kept (jobs/retention.ts reads it
  // where it prunes); checked here too so a bad value stops the process at start, not a prune run days later.
  SILKROUTE_RETENTION_DAYS: z.string().optional().superRefine((raw, ctx) => {
    try { retentionDays({ SILKROUTE_RETENTION_DAYS: raw }); } catch (e) { ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message }); }
  }),
});

export type AppConfig = z.infer<typeof schema>;

/**
 * The process's mode. Unset means production: demo and test behaviour (offline defaults, the emulator, the App
 * Bridge stand-in, the sandbox supplier for every store) must be asked for by name, never fallen into.
 */
export function silkrouteMode(env: Env = process.env): SilkrouteMode {
  const mode = env.SILKROUTE_MODE || "production";
  if (!(SILKROUTE_MODES as readonly string[]).includes(mode)) throw new Error(`SILKROUTE_MODE must be one of ${SILKROUTE_MODES.join(", ")}`);
  return mode as SilkrouteMode;
}

export const isDemoOrTest = (env: Env = process.env) => silkrouteMode(env) !== "production";

/**
 * The configuration of any process (web, worker, scripts). In production (SILKROUTE_MODE unset or "production",
 * whatever NODE_ENV says) it refuses to start without real credentials, a public https app URL, encryption keys
 * and DATABASE_URL; the error names the variables, never their values.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const mode = silkrouteMode(env);
  const withDefaults = mode === "production" ? env : { ...DEMO_DEFAULTS, ...pickDefined(env) };
  const parsed = schema.safeParse(withDefaults);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (mode === "production") problems.push(...productionProblems(env));
  if (problems.length || !parsed.success) {
    throw new Error(`Silkroute configuration is invalid (${problems.join("; ")}). See README "Configuration".`);
  }
  return parsed.data;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/;
const DEMO_VALUES = new Set<string>([DEMO_DEFAULTS.SHOPIFY_API_KEY, DEMO_DEFAULTS.SHOPIFY_API_SECRET]);

/** What production needs beyond the schema: nothing missing, nothing left over from the demo. */
export function productionProblems(env: Env): string[] {
  const problems: string[] = [];
  for (const name of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET"] as const) {
    if (DEMO_VALUES.has(env[name] ?? "")) problems.push(`${name}: the demo value is not a real credential`);
  }
  const appUrl = env.SHOPIFY_APP_URL ?? "";
  if (appUrl && URL.canParse(appUrl)) {
    const url = new URL(appUrl);
    if (url.protocol !== "https:") problems.push("SHOPIFY_APP_URL: must be https (Shopify calls it from the internet)");
    if (LOOPBACK.test(url.hostname)) problems.push("SHOPIFY_APP_URL: must be the app's public address, not a loopback one");
  }
  if (!env.SILKROUTE_ENCRYPTION_KEYS) problems.push("SILKROUTE_ENCRYPTION_KEYS: required (secrets are stored encrypted)");
  else {
    try {
      parseKeyRing(env.SILKROUTE_ENCRYPTION_KEYS);
    } catch (error) {
      problems.push(`SILKROUTE_ENCRYPTION_KEYS: ${(error as Error).message}`);
    }
  }
  if (!env.DATABASE_URL) problems.push("DATABASE_URL: required (a production process never falls back to a local SQLite file)");
  return problems;
}

function pickDefined(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")) as Record<string, string>;
}

/** The App Bridge script URL: the real CDN script, unless a demo or test shell serves a stand-in. */
export function appBridgeUrl(config: AppConfig): string | undefined {
  return config.SILKROUTE_MODE !== "production" ? config.APP_BRIDGE_URL : undefined;
}
