import { assert, waitUntil, type E2eTest } from "../harness";

// JD VOP through the demo's emulator (suppliers/jd/emulator): connect, the consolidation warehouse with JD area ids,
// a JD pool in the catalog, and a Chinese-only product that cannot be pushed until its English copy is written.
export const jdTests: E2eTest[] = [
  {
    name: "jd: connect JD VOP (emulated), see the consolidation warehouse, and import a Chinese-only JD product that waits for its English copy",
    timeoutMs: 90_000,
    async run({ shell, screenshot }) {
      let frame = await shell.open("/app/settings");
      await shell.assertPageOk("Settings", frame);
      await shell.app.getByRole("button", { name: "Connect JD VOP (emulated)" }).click();
      await shell.app.getByText(/JD VOP \(emulated\) connected/).waitFor({ timeout: 20_000 });

      frame = await shell.goto("/app/consolidation");
      await shell.assertPageOk("China consolidation warehouses", frame);
      await shell.app.getByText("广东 佛山市 顺德区 均安镇").first().waitFor();
      await shell.app.getByText("JD area id 19_1666_1669_52082").waitFor();
      await screenshot("jd-consolidation-warehouses");

      frame = await shell.goto("/app/catalog?supplier=jd");
      await shell.assertPageOk("the JD catalog", frame);
      const first = shell.app.locator("a[href^='/app/catalog/jd/']").first();
      await first.waitFor({ timeout: 20_000 });
      assert(/[\u4e00-\u9fff]/.test((await first.textContent()) ?? ""), "the JD catalog shows no Chinese title");
      await first.click();
      await frame.waitForURL((url) => /^\/app\/catalog\/jd\/\d+$/.test(url.pathname));
      await shell.assertPageOk("the JD product page", frame);
      await shell.app.getByRole("button", { name: "Add to import list" }).click();
      await frame.waitForURL((url) => /^\/app\/import-list\/[^/]+$/.test(url.pathname));
      await shell.assertPageOk("the JD import item", frame);
      await shell.app.getByText("English copy missing").waitFor();
      await shell.app.getByText(/^中文原文: /).first().waitFor();
      await screenshot("jd-import-item-chinese");

      // Pushing before the English is written is refused with the reason; writing it lets the push start.
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await shell.app.getByText(/need an English title or description/).waitFor();
      await shell.app.getByLabel("Title (English)").fill("ROMOSS power bank 20000 mAh (e2e)");
      await shell.app.getByLabel("Description (English, HTML)").fill("<p>Large capacity, two-way fast charging.</p>");
      await shell.app.getByRole("button", { name: "Save and push to Shopify" }).click();
      await frame.waitForURL((url) => url.pathname === "/app/import-list");
      await waitUntil("the push to start", async () => (await shell.app.getByText(/Importing 1 products…|Last import:/).count()) > 0, 20_000, 500);
    },
  },
];
