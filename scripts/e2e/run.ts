// Browser end-to-end tests (run by scripts/test.sh): the demo stack on free ports and a fresh SQLite file,
// Debian Chromium through playwright-core. Last line: "e2e: N passed, M failed"; exits non-zero on failure.
import "../demo/demo-mode";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { freePort } from "../demo/ports";
import { startDemoStack, type DemoStack } from "../demo/stack";
import { AdminShellDriver, SCREENSHOTS, type E2eTest } from "./harness";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RUN_BUDGET_MS = 800_000; // sourcing → rates → fulfillment, CJ and JD flows wait on real jobs and the suppliers' clocks; web vitals load 16 pages
const DEFAULT_TEST_TIMEOUT_MS = 30_000;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const databaseFile = path.join(ROOT, ".data", `e2e-${process.pid}.db`);
const databaseUrl = `file:./.data/e2e-${process.pid}.db`;
// Before anything imports the Prisma client: this run's own database, never the demo's.
process.env.DATABASE_URL = databaseUrl;
const filter = process.env.E2E_FILTER;

const logs: string[] = [];
const log = (line: string) => { logs.push(line); if (logs.length > 400) logs.shift(); };
let passed = 0;
let failed = 0;
let stack: DemoStack | undefined;
let browser: Browser | undefined;

const budget = setTimeout(() => {
  console.log(`e2e: the run exceeded ${RUN_BUDGET_MS / 1000} s`);
  void finish(1);
}, RUN_BUDGET_MS);

async function main(): Promise<void> {
  const { e2eTests } = await import("./tests/index");
  // E2E_FILTER="sourcing:|rates:" runs the tests whose name contains any of the "|"-separated parts.
  const tests = e2eTests.filter((t) => !filter || filter.split("|").some((part) => t.name.includes(part)));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Failure screenshots of earlier runs would read as this run's.
  for (const file of fs.readdirSync(SCREENSHOTS)) if (file.startsWith("failed-")) fs.rmSync(path.join(SCREENSHOTS, file), { force: true });
  migrate();
  stack = await startDemoStack({
    port: await freePort(), emulatorPort: await freePort(), shellPort: await freePort(), sandboxPort: await freePort(),
    shop: "silkroute-e2e.myshopify.com", databaseUrl, log,
  });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  // shopify-app-remix answers 410 to bots, and isbot() counts "HeadlessChrome" as one; present as plain Chrome.
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
  for (const test of tests) await runOne(test, browser, stack, userAgent);
}

async function runOne(test: E2eTest, b: Browser, s: DemoStack, userAgent: string): Promise<void> {
  const context = await b.newContext({ viewport: { width: 1440, height: 900 }, userAgent });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const started = Date.now();
  const timeoutMs = test.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS;
  page.setDefaultTimeout(Math.min(15_000, timeoutMs));
  try {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      test.run({
        page, stack: s, shell: new AdminShellDriver(page, s),
        screenshot: async (name) => { await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) }); },
      }),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs); }),
    ]).finally(() => clearTimeout(timer));
    passed++;
    console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${test.name}\n      ${(error as Error).message.split("\n").join("\n      ")}`);
    if (errors.length) console.log(`      page errors: ${errors.slice(0, 3).join(" | ")}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${slug(test.name)}.png`) }).catch(() => undefined);
  } finally {
    await context.close().catch(() => undefined);
  }
}

function migrate(): void {
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });
  if (result.status !== 0) throw new Error(`migrating the e2e database failed:\n${result.stdout}${result.stderr}`);
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);

let finishing = false;
async function finish(code: number): Promise<never> {
  if (!finishing) {
    finishing = true;
    clearTimeout(budget);
    await browser?.close().catch(() => undefined);
    await stack?.stop().catch(() => undefined);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(databaseFile + suffix, { force: true });
    if (failed || code) console.log(`-- last lines of the stack's output --\n${logs.slice(-40).join("\n")}`);
    console.log(`e2e: ${passed} passed, ${failed + (code && !failed ? 1 : 0)} failed`);
  }
  process.exit(code || (failed ? 1 : 0));
}

main().then(() => finish(0), (error: Error) => {
  console.log(`e2e: could not run: ${error.message}`);
  void finish(1);
});
