import { createHash } from "node:crypto";
import path from "node:path";
import { createEmulator, type Emulator } from "../../app/emulator";
import { createAdminShell, embeddedAppUrl, type AdminShell } from "../../app/emulator/admin-shell";
import { DEMO_DEFAULTS } from "../../app/server/config";
import { createSandboxSupplierService, type SandboxSupplierService } from "../../app/server/suppliers/sandbox/service/sandbox-service";
import { createJdVopEmulator, type JdVopEmulator } from "../../app/server/suppliers/jd/emulator/jd-vop-emulator";
import { CJ_EMULATOR_ACCOUNTS, createCjEmulator, type CjEmulator } from "../../app/server/suppliers/cj/emulator/cj-emulator";
import { systemClock, type Clock } from "../../app/server/suppliers/resilience/clock";
import { ensureBuild } from "./build";
import { runNpmScript, type Child } from "./children";
import { ensurePortFree, waitForHttp } from "./ports";
import { createDemoShop } from "./seed-store";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Wall time since the demo started, multiplied; sleeps stay real so the service itself never hurries. */
function acceleratedClock(scale: number): Clock {
  const start = Date.now();
  return { now: () => start + (Date.now() - start) * Math.max(1, scale), sleep: systemClock.sleep };
}

export interface DemoStackOptions {
  /** App port (PORT). */
  port: number;
  emulatorPort: number;
  shellPort: number;
  sandboxPort: number;
  /** JD VOP emulator port (0 = any free port). */
  jdVopPort?: number;
  shop: string;
  mode?: "demo" | "test";
  /** Defaults to the embedded SQLite database the set-up migrated. */
  databaseUrl?: string;
  log: (line: string) => void;
}

export interface DemoStack {
  shop: string;
  appUrl: string;
  emulator: Emulator;
  shell: AdminShell;
  /** The CJ API 2.0 emulator "Connect CJ (emulated)" points at. */
  cj: CjEmulator;
  /** The sandbox supplier (its `change` moves a cost or a stock count and records the change event). */
  sandbox: SandboxSupplierService;
  /** The JD VOP emulator "Connect JD VOP (emulated)" points at (its catalog says which warehouse ships a SKU). */
  jdVop: JdVopEmulator;
  /** The admin URL that opens the app for the demo shop. */
  adminUrl: string;
  /** Environment the app and worker run with. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

// A fixed demo key, so a restarted demo can still decrypt what it stored in the embedded database.
const DEMO_ENCRYPTION_KEYS = `demo:${createHash("sha256").update("silkroute offline demo key").digest("base64")}`;

/**
 * The offline stack on the production code path: emulator + admin shell + sandbox supplier in this process,
 * the built app (remix-serve) and the job worker as child processes. Only Shopify is emulated.
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const { log, shop } = options;
  const apiKey = process.env.SHOPIFY_API_KEY || DEMO_DEFAULTS.SHOPIFY_API_KEY;
  const apiSecret = process.env.SHOPIFY_API_SECRET || DEMO_DEFAULTS.SHOPIFY_API_SECRET;
  const appUrl = `http://127.0.0.1:${options.port}`;
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: Error) => log(`[demo] stop failed: ${e.message}`));
    cleanups.length = 0;
  };

  try {
    await ensurePortFree(options.port, "app (PORT)");
    await ensurePortFree(options.emulatorPort, "Shopify emulator (SHOPIFY_EMULATOR_PORT)");
    await ensurePortFree(options.shellPort, "admin shell (ADMIN_SHELL_PORT)");
    await ensurePortFree(options.sandboxPort, "sandbox supplier (SANDBOX_SUPPLIER_PORT)");
    ensureBuild(log);
    const emulator = createEmulator({ apiKey, apiSecret, appUrl, appTomlPath: path.join(ROOT, "shopify.app.toml") });
    await emulator.listen(options.emulatorPort);
    cleanups.push(() => emulator.close());
    const shell = createAdminShell({ emulator, appUrl, defaultShop: shop });
    await shell.listen(options.shellPort);
    cleanups.push(() => shell.close());
    // The sandbox's order lifecycle runs in days; the demo speeds its clock up (default: a day every 10 s)
    // so a person sees an order ship, clear customs and arrive within a couple of minutes.
    const sandbox = createSandboxSupplierService({ clock: acceleratedClock(Number(process.env.SANDBOX_TIME_SCALE ?? 8640)) });
    const { url: sandboxUrl } = await sandbox.listen(options.sandboxPort);
    cleanups.push(() => sandbox.close());
    // JD VOP emulator (legacy bizapi gateway) on the same accelerated clock: "Connect JD VOP (emulated)" in Settings.
    const jdVop = createJdVopEmulator({ clock: acceleratedClock(Number(process.env.SANDBOX_TIME_SCALE ?? 8640)), authClock: systemClock });
    const { url: jdVopUrl } = await jdVop.listen(options.jdVopPort ?? 0);
    cleanups.push(() => jdVop.close());
    // CJ's API 2.0, emulated from its published contract, on the same sped-up clock; "Connect CJ (emulated)" in
    // Settings uses its ready-made account, and its ORDER/LOGISTIC/STOCK messages are posted to the app every 2 s.
    const cj = createCjEmulator({ clock: acceleratedClock(Number(process.env.SANDBOX_TIME_SCALE ?? 8640)) });
    const { apiBaseUrl: cjUrl } = await cj.listen(Number(process.env.CJ_EMULATOR_PORT ?? 0));
    const cjWebhooks = setInterval(() => void cj.deliverWebhooks().catch(() => undefined), 2_000);
    cleanups.push(async () => { clearInterval(cjWebhooks); await cj.close(); });
    await createDemoShop(emulator, { domain: shop });

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      SILKROUTE_MODE: options.mode ?? "demo",
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SHOPIFY_EMULATOR_URL: emulator.url,
      APP_BRIDGE_URL: `${shell.url}/app-bridge.js`,
      SILKROUTE_ENCRYPTION_KEYS: process.env.SILKROUTE_ENCRYPTION_KEYS || DEMO_ENCRYPTION_KEYS,
      JOBS_BACKEND: process.env.JOBS_BACKEND || "db",
      SANDBOX_SUPPLIER_URL: sandboxUrl,
      JD_VOP_EMULATOR_URL: jdVopUrl,
      CJ_API_BASE_URL: cjUrl,
      CJ_EMULATOR_API_KEY: CJ_EMULATOR_ACCOUNTS.demo.apiKey,
      DEMO_SHOP: shop,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    };
    await forgetEarlierInstalls(env.DATABASE_URL, shop);

    const app = runNpmScript("app", "start", env, log);
    cleanups.push(() => app.stop());
    await waitForHttp(`${appUrl}/auth/login`, 60_000, app.alive);
    const worker = runNpmScript("worker", "worker", env, log);
    cleanups.push(() => worker.stop());

    await install(emulator, appUrl, shop, app);
    log(`[demo] ${shop} installed the app (token exchange against the emulator)`);
    return { shop, appUrl, emulator, shell, cj, sandbox, jdVop, adminUrl: shell.appAdminUrl(shop), env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Each run starts a fresh emulated store, so offline tokens a previous run stored for it are meaningless;
 * dropping them makes the first embedded load do a real token exchange, as a new install would.
 */
async function forgetEarlierInstalls(databaseUrl: string | undefined, shop: string): Promise<void> {
  const previous = process.env.DATABASE_URL;
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  try {
    const { default: db } = await import("../../app/db.server");
    await db.session.deleteMany({ where: { shop } });
    await db.$disconnect();
  } finally {
    if (databaseUrl) process.env.DATABASE_URL = previous;
  }
}

/** The first embedded load, as Shopify admin makes it right after a managed install. */
async function install(emulator: Emulator, appUrl: string, shop: string, app: Child): Promise<void> {
  // A browser user agent: shopify-app-remix answers 410 to what isbot() calls a bot, and Node's fetch is one.
  const headers = { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36" };
  const response = await fetch(embeddedAppUrl(emulator, appUrl, shop, "/app"), { redirect: "manual", headers });
  await response.arrayBuffer();
  if (response.status !== 200 || !emulator.controls.shop(shop).installed) {
    throw new Error(`the first embedded load of /app answered ${response.status}${app.alive() ? "" : " (the app exited)"}; the app was not installed`);
  }
}
