import { assert, type E2eTest } from "../harness";

// The page-side API the tests call (evaluate() bodies run in the browser, so no helpers from here).
type Shopify = {
  idToken(): Promise<string>;
  toast: { show(message: string): string };
  saveBar: { show(id: string): Promise<void> };
  modal: { show(id: string): Promise<void> };
};

export const appBridgeTests: E2eTest[] = [
  {
    name: "the App Bridge stand-in gets session tokens for this shop from the admin",
    async run({ shell, stack }) {
      const frame = await shell.open();
      const token = await frame.evaluate(() => (window as unknown as { shopify: Shopify }).shopify.idToken());
      const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as { dest: string; aud: string };
      assert(payload.dest === `https://${stack.shop}` && payload.aud === stack.env.SHOPIFY_API_KEY, "the session token is not for this shop and app");
    },
  },
  {
    name: "the App Bridge stand-in shows toasts and the save bar in the admin and relays Save",
    async run({ shell, page, screenshot }) {
      const frame = await shell.open();
      await shell.appIdle(frame);
      await frame.evaluate(() => {
        (window as unknown as { shopify: Shopify }).shopify.toast.show("Saved from the browser test");
        document.body.insertAdjacentHTML("beforeend",
          '<ui-save-bar id="e2e-bar"><button variant="primary" onclick="window.e2eSaved = true; document.getElementById(\'e2e-bar\').hide()">Save</button><button>Discard</button></ui-save-bar>');
        return (window as unknown as { shopify: Shopify }).shopify.saveBar.show("e2e-bar");
      });
      await page.locator(".toast", { hasText: "Saved from the browser test" }).waitFor();
      await page.locator("#save-bar").waitFor();
      await screenshot("app-bridge-save-bar");
      const before = frame.url();
      await page.locator("#app-nav a", { hasText: "Settings" }).click();
      await page.waitForTimeout(300);
      assert(frame.url() === before, "the admin navigated away with unsaved changes");
      await page.click("#save-bar-save");
      await page.locator("#save-bar").waitFor({ state: "hidden" });
      assert(await frame.evaluate(() => (window as unknown as { e2eSaved?: boolean }).e2eSaved === true), "Save in the admin did not click the app's save button");
    },
  },
  {
    name: "the App Bridge stand-in opens ui-modal with its title and actions",
    async run({ shell, screenshot }) {
      const frame = await shell.open();
      await shell.appIdle(frame);
      await frame.evaluate(() => {
        document.body.insertAdjacentHTML("beforeend",
          '<ui-modal id="e2e-modal"><ui-title-bar title="Confirm import"><button variant="primary">Import</button><button>Cancel</button></ui-title-bar></ui-modal>');
        const modal = document.getElementById("e2e-modal") as HTMLElement & { content: HTMLElement };
        modal.content.textContent = "Import 3 products into your store?";
        return (window as unknown as { shopify: Shopify }).shopify.modal.show("e2e-modal");
      });
      await shell.app.locator(".sb-modal", { hasText: "Import 3 products" }).waitFor();
      await shell.app.locator(".sb-modal header", { hasText: "Confirm import" }).waitFor();
      await screenshot("app-bridge-modal");
      await shell.app.locator(".sb-modal button[aria-label=Close]").click();
      await shell.app.locator(".sb-modal").waitFor({ state: "detached" });
    },
  },
];
