// Customs facts read from the suppliers' product details. Field names and the CJ sample values are from the
// contracts in /work/shared/reference/supplier-contracts (cj-contract.json product/query example_response_text_verbatim:
// entryCode "8712008900", entryNameEn "model", materialNameEn "[\"\",\"metal\"]"; jd-contract.json getDetail
// response_result_fields: upc, brandName).
import { describe, expect, it } from "vitest";
import { parseProduct as parseCj } from "./cj/mappers";
import { parseProduct as parseJd } from "./jd/mappers";
import { money } from "../money";
import jdDetail from "./jd/__fixtures__/product-detail.json";

const cjDetail = (overrides: Record<string, unknown> = {}) => ({
  pid: "000B9312-456A-4D31-94BD-B083E2A198E8", productNameEn: "Small trailer model", productName: "[\"攀爬车 拖斗车 \"]",
  entryCode: "8712008900", entryName: "模型", entryNameEn: "model", materialNameEn: "[\"\",\"metal\"]", productKeyEn: "Color",
  variants: [{ vid: "D4057F56", variantSku: "CJJJJTJT05843-Black", variantKey: "Black", variantSellPrice: 58.09, variantWeight: 1580 }],
  ...overrides,
});

describe("supplier compliance facts", () => {
  it("reads CJ's HS code and an English customs description with the material", () => {
    const product = parseCj(cjDetail());
    expect(product.hsCode).toBe("8712008900");
    expect(product.compliance?.customsDescription).toBe("model (metal)");
  });

  it("leaves the CJ customs description empty when CJ gives no English entry name", () => {
    expect(parseCj(cjDetail({ entryNameEn: "", materialNameEn: "[]" })).compliance?.customsDescription).toBeNull();
    expect(parseCj(cjDetail({ entryNameEn: "toy", materialNameEn: "[\"\",\"plastic_bag\"]" })).compliance?.customsDescription).toBe("toy (plastic bag)");
  });

  it("takes JD's upc as the variant barcode only when it is a valid GTIN, and its brand as the maker", () => {
    const withUpc = parseJd({ ...jdDetail.result, upc: "6922233611133" }, money(9900, "CNY"));
    expect(withUpc.variants[0]!.barcode).toBe("6922233611133");
    expect(withUpc.compliance?.manufacturer).toBe("罗马仕（ROMOSS）");
    expect(parseJd({ ...jdDetail.result, upc: "6922233611132" }, money(9900, "CNY")).variants[0]!.barcode).toBeNull();
    expect(parseJd(jdDetail.result, money(9900, "CNY")).variants[0]!.barcode).toBeNull();
  });
});
