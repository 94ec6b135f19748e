import { afterEach, beforeEach, describe, expect, it } from "vitest";
import db from "../../../db.server";
import { uniqueShop } from "../../../test/webhooks";
import { createJdVopEmulator, type JdVopEmulator } from "../../suppliers/jd/emulator/jd-vop-emulator";
import { createJdAdapter } from "../../suppliers/jd/index";
import { useSupplierAdapters } from "../../suppliers/shop-adapters.server";
import { startImport } from "../imports/import-jobs.server";
import { currentTranslator, englishGaps, setTranslator, suggestEnglish } from "./english-copy";
import { addToImportList, updateImportItem } from "./import-list.server";

let jd: JdVopEmulator;
beforeEach(async () => {
  jd = createJdVopEmulator();
  const { url } = await jd.listen();
  const adapter = createJdAdapter({ credentials: { ...jd.account }, baseUrl: url, resilience: { retry: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 } } });
  useSupplierAdapters(async () => adapter);
});
afterEach(async () => {
  useSupplierAdapters(null);
  setTranslator(null);
  await jd.close();
});

describe("Chinese supplier data in the import list", () => {
  it("keeps the Chinese original beside empty English fields and refuses to push until the English is written", async () => {
    const shop = uniqueShop("zh-copy");
    const item = await addToImportList(shop, "jd", "100012000000");
    expect(item).toMatchObject({ title: "", descriptionHtml: "", snapshot: { titleZh: "罗马仕 充电宝 20000毫安 22.5W快充 移动电源", descriptionZh: "大容量 双向快充" } });
    expect(englishGaps(item)).toEqual(["title", "description"]);
    await expect(startImport(shop, [item.id])).rejects.toThrow(/English title or description/);
    expect(await db.importJob.count({ where: { shop } })).toBe(0);

    const titled = await updateImportItem(shop, item.id, { title: "ROMOSS 20000 mAh power bank, 22.5 W fast charge" });
    expect(englishGaps(titled)).toEqual(["description"]); // saving part of the English is fine; pushing is not yet
    await expect(startImport(shop, [item.id])).rejects.toThrow(/English/);

    const written = await updateImportItem(shop, item.id, { descriptionHtml: "<p>Large capacity, two-way fast charging.</p>" });
    expect(englishGaps(written)).toEqual([]);
    expect(await startImport(shop, [item.id])).toEqual(expect.any(String));
  });

  it("lets the merchant supply the HS code a Chinese supplier does not give, and checks its digits", async () => {
    const shop = uniqueShop("zh-hs");
    const item = await addToImportList(shop, "jd", "100012000000");
    expect(item.snapshot.hsCode).toBeNull();
    expect((await updateImportItem(shop, item.id, { hsCode: "8507.60" })).snapshot.hsCode).toBe("850760");
    await expect(updateImportItem(shop, item.id, { hsCode: "85" })).rejects.toThrow(/6 to 10 digits/);
  });

  it("flags a title that is still the Chinese original", () => {
    const snapshot = { titleZh: "美的 电水壶", descriptionZh: null } as never;
    expect(englishGaps({ title: "美的 电水壶", descriptionHtml: "", snapshot })).toEqual(["title"]);
    expect(englishGaps({ title: "Midea kettle", descriptionHtml: "", snapshot })).toEqual([]);
  });

  it("suggests nothing without a translator, and uses one only when plugged in", async () => {
    const snapshot = { titleZh: "美的 电水壶", descriptionZh: "双层防烫" } as never;
    expect(currentTranslator()).toBeNull();
    expect(await suggestEnglish({ snapshot })).toBeNull();
    setTranslator({ name: "test glossary", translate: async ({ title }) => ({ title: title.replace("美的 电水壶", "Midea kettle"), description: "Double-wall, cool touch" }) });
    expect(await suggestEnglish({ snapshot })).toEqual({ title: "Midea kettle", description: "Double-wall, cool touch", by: "test glossary" });
  });
});
