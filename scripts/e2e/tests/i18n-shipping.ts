import { assert, type E2eTest } from "../harness";
import { englishLines } from "./i18n";

/**
 * Issue #19, shipping pass: the duty and delivery rules pages and a simulator error in Chinese. The rule labels, places,
 * lanes and source caveats come from the `rules` catalog, the simulator's validation errors from `messages`.
 */
export const i18nShippingTests: E2eTest[] = [
  {
    name: "i18n-shipping: duty rules, delivery rules and a simulator error are in Chinese with locale=zh-CN",
    timeoutMs: 60_000,
    async run(ctx) {
      const { shell, stack } = ctx;
      const errors: string[] = [];
      ctx.page.on("pageerror", (error) => errors.push(error.message.slice(0, 120)));
      const leftovers: string[] = [];
      const open = async (path: string, heading: string) => {
        await ctx.page.goto(`${stack.shell.appAdminUrl(stack.shop, path)}?locale=zh-CN`);
        const frame = await shell.appFrame();
        await shell.assertPageOk(`${path} (zh-CN)`, frame);
        await shell.app.getByRole("heading", { name: heading, exact: true }).first().waitFor();
        return frame;
      };

      let frame = await open("/app/shipping/duty-rules", "关税和费用规则");
      // A rule label, a place, a lane and a source caveat, each from the catalog.
      await shell.app.getByText("英国：≤ 135 英镑结账时代收 20% 增值税").first().waitFor();
      await shell.app.getByText("其他所有国家/地区").first().waitFor();
      await shell.app.getByText("从 US, MX 发货 · 快递").first().waitFor();
      await shell.app.getByText("尚未为该目的地建模已公布的规则。").first().waitFor();
      leftovers.push(...(await englishLines(frame)).map((l) => `duty rules: ${l}`));
      await ctx.screenshot("i18n-zh-CN-duty-rules");

      frame = await open("/app/shipping/delivery-rules", "配送规则");
      await shell.app.getByText("结账时的关税提示").first().waitFor();
      await shell.app.getByRole("button", { name: "保存规则" }).waitFor();
      leftovers.push(...(await englishLines(frame)).map((l) => `delivery rules: ${l}`));
      await ctx.screenshot("i18n-zh-CN-delivery-rules");

      frame = await open("/app/shipping/simulator", "购物车和目的地");
      await shell.app.getByLabel("国家/地区（ISO 两位代码）").fill("DEU");
      await shell.app.getByLabel("购物车币种").fill("EURO");
      await shell.app.getByRole("button", { name: "计算运费" }).click();
      await shell.app.getByText("请使用 2 位字母国家代码").first().waitFor();
      await shell.app.getByText("请使用 3 位字母货币代码").first().waitFor();
      await shell.assertPageOk("the simulator's validation errors (zh-CN)", frame);
      leftovers.push(...(await englishLines(frame)).map((l) => `simulator errors: ${l}`));
      await ctx.screenshot("i18n-zh-CN-simulator-errors");

      assert(errors.length === 0, `page errors: ${errors.join(" | ")}`);
      assert(leftovers.length === 0, `untranslated English on Chinese shipping pages — ${leftovers.slice(0, 12).join(" | ")}`);
    },
  },
];
