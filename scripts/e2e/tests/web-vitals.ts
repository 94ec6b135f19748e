import type { Frame } from "playwright-core";
import { assert, type E2eTest } from "../harness";
import { DEMO_GOAL, installVitalsCollector, medianVitals, readInteractionVitals, readLoadVitals, writeVitalsReport, type PageVitals } from "../web-vitals";

// Built for Shopify, measured (#17): each page is loaded in full in the admin, its Web Vitals read inside the app's
// iframe, then one scripted interaction a merchant would make on it. Runs last, so the pages show the data the
// earlier flows created. Writes screenshots/web-vitals.json.
/** Loads per page; the report gives each metric's median and every sample. */
const SAMPLES = 3;

interface Target { page: string; path: string; interaction: string; act(frame: Frame): Promise<boolean> }

const clickTitle = async (frame: Frame) => { await frame.locator(".Polaris-Page h1, .Polaris-Header-Title").first().click(); return true; };

const TARGETS: Target[] = [
  { page: "home", path: "", interaction: "click the page title", act: clickTitle },
  {
    page: "catalog", path: "/app/catalog", interaction: "type a search term",
    act: async (f) => { await f.getByLabel("Search (English or 中文)").pressSequentially("mug", { delay: 50 }); return true; },
  },
  {
    page: "import list", path: "/app/import-list", interaction: "select the first product (or click the title when empty)",
    act: async (f) => {
      const box = f.locator(".Polaris-IndexTable__TableRow .Polaris-Checkbox").first();
      if (await box.count() === 0) return clickTitle(f);
      await box.click();
      return true;
    },
  },
  {
    page: "orders", path: "/app/orders", interaction: "switch to the In transit tab",
    act: async (f) => { await f.getByRole("tab", { name: /In transit/ }).click(); return true; },
  },
  {
    page: "shipping", path: "/app/shipping", interaction: "toggle a settings checkbox",
    act: async (f) => { await f.getByText("DDP prices include import VAT/GST").click(); return true; },
  },
];

export const webVitalsTests: E2eTest[] = [
  {
    name: "web vitals: LCP, CLS and INP of home, catalog, import list, orders and shipping are measured in the app iframe and written to web-vitals.json",
    timeoutMs: 150_000,
    async run({ page, shell }) {
      await installVitalsCollector(page.context());
      // One warm-up load first: a merchant who opened the app before has its scripts and styles cached, and the
      // first measured page should not alone carry the browser's cold start.
      await shell.assertPageOk("the warm-up load", await shell.open("/app/plans"));
      // Rounds over all pages, so a burst of load on the machine spreads over pages instead of hitting one page's samples.
      const samples = new Map<string, PageVitals[]>(TARGETS.map((t) => [t.page, []]));
      for (let round = 0; round < SAMPLES; round++) {
        for (const t of TARGETS) {
          const frame = await shell.open(t.path);
          await shell.assertPageOk(t.page, frame);
          const load = await readLoadVitals(frame);
          await t.act(frame);
          const after = await readInteractionVitals(frame);
          samples.get(t.page)!.push({ page: t.page, path: t.path || "/app", lcpMs: load.lcpMs, ttfbMs: load.ttfbMs, lcpElement: load.lcpElement, cls: Math.max(load.cls, after.cls), inpMs: after.inpMs, inpParts: after.inpParts, interactions: after.interactions, interaction: t.interaction });
        }
      }
      const report = writeVitalsReport(TARGETS.map((t) => medianVitals(samples.get(t.page)!)), page.context().browser()?.version() ?? "chromium");
      const summary = report.pages.map((p) => `${p.page}: LCP ${p.lcpMs} ms (TTFB ${p.ttfbMs} ms, ${p.lcpElement}), CLS ${p.cls}, INP ${p.inpMs} ms (${p.interactions} interactions)`).join("; ");
      console.log(`      ${summary}`);
      // Recorded, not asserted against the thresholds: timings depend on the machine (no timing assertions in tests,
      // CONVENTIONS); web-vitals.json says per page whether it met the BFS bar and the demo goal.
      for (const p of report.pages) {
        assert(p.lcpMs > 0 && p.ttfbMs >= 0, `${p.page}: no largest-contentful-paint was observed`);
        assert(p.cls >= 0, `${p.page}: layout shifts were not observed`);
        assert(p.interactions > 0, `${p.page}: the scripted interaction (${p.interaction}) reached no event listener`);
      }
      if (!report.allWithinGoal) console.log(`      below the goal (LCP ≤ ${DEMO_GOAL.lcpMs} ms, CLS ≤ ${DEMO_GOAL.cls}, INP ≤ ${DEMO_GOAL.inpMs} ms): ${report.pages.filter((p) => !p.withinGoal).map((p) => p.page).join(", ")} (load average ${report.loadAverage})`);
    },
  },
];
