import { describe, expect, it } from "vitest";
import { createI18n } from "./create-i18n";
import { failureMessage, translateFailure } from "./failure";
import { message } from "./message";
import { PlanLimitError } from "../server/billing/limits.server";

describe("a caught error on a page banner", () => {
  const zh = createI18n("zh-CN").t;
  const en = createI18n("en").t;

  it("shows the error's catalog message in the reader's language, inside the page's frame", () => {
    const error = new PlanLimitError(message("import-item:errors.planSuppliers", { plan: "free", included: 1, used: 2, suppliers: "jd, cj" }));
    const failure = failureMessage("catalog:addFailed", error);
    expect(translateFailure(zh, failure)).toMatch(/^无法添加该商品：/);
    expect(translateFailure(zh, failure)).not.toContain("Upgrade");
    expect(translateFailure(en, failure)).toMatch(/^Could not add the product: The Free plan includes 1 real supplier .* would use 2 \(JD VOP \(JD Enterprise\), CJ Dropshipping\)\./);
  });

  it("keeps the English of an error that carries no catalog message", () => {
    expect(translateFailure(zh, failureMessage("catalog:addFailed", new Error("socket hang up")))).toBe("无法添加该商品：socket hang up");
  });
});
