import { assert, type E2eTest } from "../harness";

const NAV = [
  { label: "Catalog", href: "/app/catalog" },
  { label: "Import list", href: "/app/import-list" },
  { label: "Supplier mappings", href: "/app/mappings" },
  { label: "Price and stock sync", href: "/app/sync" },
  { label: "Orders", href: "/app/orders" },
  { label: "Shipping", href: "/app/shipping" },
  { label: "China warehouses", href: "/app/consolidation" },
  { label: "Settings", href: "/app/settings" },
  { label: "Customer data requests", href: "/app/privacy" },
  { label: "Plans", href: "/app/plans" },
];

export const embeddedAppTests: E2eTest[] = [
  {
    name: "the app loads embedded in the admin shell with Polaris styles",
    async run({ shell, stack, page, screenshot }) {
      const frame = await shell.open();
      await shell.app.getByText(`Welcome, ${stack.shop}`).waitFor();
      const url = new URL(frame.url());
      assert(url.origin === stack.appUrl, `the iframe shows ${url.origin}, not the app`);
      assert(url.searchParams.get("embedded") === "1" && url.searchParams.get("shop") === stack.shop, "the iframe URL lacks embedded=1&shop=");
      assert(url.searchParams.get("host") === Buffer.from(`${stack.shop}/admin`).toString("base64url"), "the host parameter is not base64url of <shop>/admin");
      assert(url.searchParams.get("id_token")?.split(".").length === 3, "the iframe URL carries no session token");
      const polaris = await frame.evaluate(() => [...document.styleSheets].some((sheet) => {
        try { return [...sheet.cssRules].some((rule) => (rule as CSSStyleRule).selectorText?.includes(".Polaris-Page")); } catch { return false; }
      }));
      assert(polaris, "Polaris styles are not loaded in the app");
      const shopName = await page.getByTestId("shop-name").textContent();
      assert(shopName?.includes("Silkroute Demo"), `the top bar shows "${shopName}", not the shop name`);
      await screenshot("home");
    },
  },
  {
    name: "the first embedded load exchanged a session token for an expiring offline token",
    async run({ stack }) {
      assert(stack.emulator.controls.shop(stack.shop).installed, "the emulator does not show the app as installed");
      const { default: db } = await import("../../../app/db.server");
      const session = await db.session.findFirst({ where: { shop: stack.shop, isOnline: false } });
      assert(session?.accessToken, "the app stored no offline session");
      const token = stack.emulator.tokens.check(session.accessToken, stack.shop);
      assert(token && !token.online, "the stored token is not an offline token the emulator issued");
      assert(token.expiresAt !== null && session.refreshToken?.startsWith("shprt_"), "the offline token is not expiring with a refresh token");
    },
  },
  {
    name: "the admin's left nav lists the app's menu",
    async run({ shell, page, stack }) {
      await shell.open();
      await shell.app.getByText(`Welcome, ${stack.shop}`).waitFor();
      await page.locator("#app-nav a", { hasText: "Settings" }).waitFor();
      const labels = (await page.locator("#app-nav a").allTextContents()).map((t) => t.trim());
      assert(JSON.stringify(labels) === JSON.stringify(["Silkroute", ...NAV.map((n) => n.label)]), `the nav lists ${labels.join(", ")}`);
    },
  },
  {
    name: "the admin nav navigates the app in place, without reloading it",
    async run({ shell, page, stack }) {
      const frame = await shell.open();
      await shell.app.getByText(`Welcome, ${stack.shop}`).waitFor();
      await frame.evaluate(() => { (window as unknown as { e2eMarker: number }).e2eMarker = 1; });
      await shell.navigate("Shipping");
      assert(page.url().endsWith("/apps/silkroute/app/shipping"), `the admin URL is ${page.url()} on Shipping`);
      await shell.navigate("Silkroute");
      await shell.app.getByText(`Welcome, ${stack.shop}`).waitFor();
      const marker = await frame.evaluate(() => (window as unknown as { e2eMarker?: number }).e2eMarker);
      assert(marker === 1, "the app reloaded instead of navigating client-side (shopify:navigate)");
    },
  },
  {
    // Screenshots of every main page; what each page shows is asserted by its own flow's tests.
    name: "every page of the app's menu opens from the admin nav without an error",
    // Seven pages, each a full navigation in the embedded frame: ~4 s apiece on the 2-core CI machine.
    timeoutMs: 60_000,
    async run({ shell, page, screenshot }) {
      await shell.open();
      await shell.assertPageOk("the home page");
      for (const item of NAV) {
        await shell.navigate(item.label);
        assert(page.url().endsWith(`/apps/silkroute${item.href}`), `the admin URL is ${page.url()} after opening ${item.label}`);
        const current = await page.locator("#app-nav a[aria-current=page]").textContent();
        assert(current?.trim() === item.label, `the nav highlights ${current} on ${item.label}`);
        await shell.assertPageOk(item.label);
        await screenshot(item.href.slice(5));
      }
    },
  },
  {
    name: "the pages linked from inside the app render without an error",
    async run({ shell, screenshot }) {
      await shell.open();
      for (const path of ["/app/jobs", "/app/shipping/simulator", "/app/shipping/rate-cards", "/app/orders/settings"]) {
        await shell.goto(path);
        await shell.assertPageOk(path);
        await screenshot(path.slice(5).replace(/\//g, "-"));
      }
    },
  },
  {
    name: "the error check catches an unknown page (it would pass on an error otherwise)",
    async run({ shell }) {
      await shell.open();
      await shell.goto("/app/no-such-page");
      const error = await shell.assertPageOk("/app/no-such-page").then(() => null, (e: Error) => e.message);
      assert(error?.includes("Page not found"), `an unknown page was not reported as an error: ${error}`);
    },
  },
  {
    name: "an embedded load without a session token bounces through App Bridge and comes back signed in",
    async run({ shell, page, stack }) {
      await shell.open();
      const bare = new URL("/app", stack.appUrl);
      bare.search = new URLSearchParams({ embedded: "1", host: Buffer.from(`${stack.shop}/admin`).toString("base64url"), shop: stack.shop }).toString();
      await page.evaluate((src) => { (document.getElementById("app-frame") as HTMLIFrameElement).src = src; }, bare.toString());
      const frame = await shell.appFrame();
      await frame.waitForURL((url) => url.pathname === "/app" && url.searchParams.has("id_token"), { timeout: 15_000 });
      await shell.app.getByText(`Welcome, ${stack.shop}`).waitFor();
    },
  },
];
