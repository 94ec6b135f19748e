import { afterEach, describe, expect, it } from "vitest";
import { buildEmulator, buildShop } from "../test-builders";
import { createAdminShell, type AdminShell } from "./shell-server";

let shell: AdminShell | undefined;
afterEach(async () => { await shell?.close(); shell = undefined; });

async function openAdmin(query = "", cookie?: string) {
  const { emulator } = buildEmulator();
  const shop = buildShop(emulator);
  emulator.controls.installApp(shop);
  shell = createAdminShell({ emulator, appUrl: "http://127.0.0.1:3999" });
  await shell.listen();
  const res = await fetch(`${shell.appAdminUrl(shop, "/app/orders")}${query}`, cookie ? { headers: { cookie } } : {});
  const html = await res.text();
  const src = new URL(/id="app-frame"[^>]*src="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, "&"));
  return { res, html, src };
}

describe("the local admin's language", () => {
  it("passes English to the app by default", async () => {
    const { src, html } = await openAdmin();
    expect(src.searchParams.get("locale")).toBe("en");
    expect(src.pathname).toBe("/app/orders");
    expect(html).toContain('<option value="en" selected>English</option>');
  });

  it("passes ?locale=zh-CN on an admin URL to the app as its locale and selects it in the top bar switch", async () => {
    const { src, html, res } = await openAdmin("?locale=zh-CN");
    expect(src.searchParams.getAll("locale")).toEqual(["zh-CN"]);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<option value="zh-CN" selected>简体中文</option>');
    expect(res.headers.get("set-cookie")).toContain("admin_locale=zh-CN");
  });

  it("keeps the chosen language on later admin URLs without the parameter, as a profile setting does", async () => {
    const { src } = await openAdmin("", "admin_locale=zh-CN");
    expect(src.searchParams.get("locale")).toBe("zh-CN");
  });

  it("ignores a language it does not offer", async () => {
    const { src } = await openAdmin("?locale=xx-YY");
    expect(src.searchParams.get("locale")).toBe("en");
  });
});
