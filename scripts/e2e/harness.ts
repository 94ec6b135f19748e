import path from "node:path";
import type { Frame, FrameLocator, Page } from "playwright-core";
import type { DemoStack } from "../demo/stack";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../screenshots");

/** What every browser test gets: a fresh page, the running demo stack and a driver for the admin shell. */
export interface E2eContext {
  page: Page;
  stack: DemoStack;
  shell: AdminShellDriver;
  /** Writes screenshots/<name>.png of the whole admin (shell + app). */
  screenshot(name: string): Promise<void>;
}

export interface E2eTest {
  /** A behaviour sentence, like the vitest names. */
  name: string;
  run(ctx: E2eContext): Promise<void>;
  timeoutMs?: number;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

// What an error looks like inside the iframe: Remix's default boundary ("Application Error", "404 Not Found"),
// a thrown Response rendered by shopify-app-remix's boundary (its body text, no Polaris page), the app's 404.
const ERROR_TEXT = /Application Error|Unexpected Server Error|Page not found|This page does not exist|此页面不存在|^\s*\d{3}\s+[A-Z][a-z]+/;

/** Polls `probe` (a Node-side check) until it returns something truthy. */
export async function waitUntil<T>(what: string, probe: () => T | undefined | false | null | Promise<T | undefined | false | null>, timeoutMs = 10_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Drives the local Shopify admin the way a merchant would: open the app, use the nav, use the test-store tools. */
export class AdminShellDriver {
  constructor(private readonly page: Page, private readonly stack: DemoStack) {}

  /** Opens the admin at an app path ("/app/orders") and waits until the app answered inside the iframe. */
  async open(appPath = ""): Promise<Frame> {
    await this.page.goto(this.stack.shell.appAdminUrl(this.stack.shop, appPath));
    const frame = await this.appFrame();
    await frame.waitForLoadState("load");
    return frame;
  }

  /** The app iframe as a locator root (auto-waits for content). */
  get app(): FrameLocator {
    return this.page.frameLocator("#app-frame");
  }

  async appFrame(): Promise<Frame> {
    const handle = await this.page.waitForSelector("#app-frame");
    const frame = await handle.contentFrame();
    assert(frame, "the admin has no app iframe");
    return frame;
  }

  /** Clicks an entry of the app's menu in the admin's left nav and waits for the app to settle on its path. */
  async navigate(label: string): Promise<Frame> {
    const link = this.page.locator("#app-nav a", { hasText: label }).first();
    const href = await link.getAttribute("data-href");
    await link.click();
    const frame = await this.appFrame();
    if (href) {
      await frame.waitForURL((url) => url.pathname === href);
      // The admin URL follows once App Bridge in the (possibly new) document reports its location.
      await this.page.waitForURL((url) => url.pathname.endsWith(`/apps/silkroute${href === "/app" ? "/app" : href}`) || (href === "/app" && url.pathname.endsWith("/apps/silkroute")));
    }
    await this.appIdle(frame);
    return frame;
  }

  /** Waits until Remix has no navigation or fetcher in flight inside the app. */
  async appIdle(frame?: Frame): Promise<void> {
    const f = frame ?? (await this.appFrame());
    await f.waitForFunction(() => {
      const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string } } } }).__remixRouter;
      return !router || router.state.navigation.state === "idle";
    });
  }

  /** Navigates the app in place (as App Bridge's navigate does) to `appPath` and waits until it settled. */
  async goto(appPath: string): Promise<Frame> {
    const frame = await this.appFrame();
    const pathname = appPath.split("?")[0];
    await this.page.evaluate((href) => (window as unknown as { __shell: { navigateApp(h: string): void } }).__shell.navigateApp(href), appPath);
    const current = await this.appFrame();
    await current.waitForURL((url) => url.pathname === pathname);
    await this.appIdle(current);
    return frame === current ? frame : current;
  }

  /** Fails when the app shows an error instead of a page: Remix's error boundary, a bare thrown Response, a 404. */
  async assertPageOk(where: string, frame?: Frame): Promise<void> {
    const f = frame ?? (await this.appFrame());
    await this.appIdle(f);
    await f.waitForFunction(() => !!document.querySelector(".Polaris-Page") || document.body.innerText.trim().length > 0, undefined, { timeout: 10_000 });
    const { text, hasPage } = await f.evaluate(() => ({ text: document.body.innerText, hasPage: !!document.querySelector(".Polaris-Page") }));
    const match = new RegExp(ERROR_TEXT.source).exec(text);
    assert(!match, `${where} shows an error: "${match?.[0]}" (${text.slice(0, 200).replace(/\s+/g, " ")})`);
    assert(hasPage, `${where} rendered no Polaris page: "${text.slice(0, 200).replace(/\s+/g, " ")}"`);
  }

  async openTools(tab: "checkout" | "orders" | "events"): Promise<void> {
    if ((await this.page.locator("#tools-toggle").getAttribute("aria-expanded")) !== "true") await this.page.click("#tools-toggle");
    await this.page.click(`[data-tab="${tab}"]`);
  }

  /** Fills the checkout panel: one line of the first variant whose label contains `product`, shipped to `country`. */
  async fillCart(product: string, quantity: number, country: string): Promise<void> {
    await this.openTools("checkout");
    const select = this.page.locator(".cart-line .line-variant").first();
    await this.page.waitForFunction(() => document.querySelectorAll(".cart-line .line-variant option[value^='gid://']").length > 0);
    const value = await select.locator("option", { hasText: product }).first().getAttribute("value");
    assert(value, `no variant of "${product}" in the checkout panel`);
    await select.selectOption(value);
    await this.page.locator(".cart-line .line-qty").first().fill(String(quantity));
    await this.page.selectOption("#addr-country", country);
  }
}
