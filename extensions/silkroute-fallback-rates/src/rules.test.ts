import fs from "node:fs";
import path from "node:path";
import { buildSchema, coerceInputValue, type GraphQLInputType } from "graphql";
import { describe, expect, it } from "vitest";
import { isPoBox } from "./rules";
import { NO_CHANGES, run, type RunInput } from "./run";

const here = import.meta.dirname;

const OPTIONS = [
  { handle: "post", code: "SR-POST-ECONOMY", title: "China Post Economy" },
  { handle: "express", code: "SR-EXPRESS", title: "Express (3–5 days)" },
  { handle: "local", code: "SR-US-LOCAL", title: "Ships from Los Angeles" },
];

function checkout({ rules, address1 = "1 Main St", flags = [], options = OPTIONS, fallbackTitles }: {
  rules: unknown; address1?: string; flags?: string[][]; options?: Array<{ handle: string; code: string; title: string; type?: string }>; fallbackTitles?: string[];
}): RunInput {
  return {
    cart: { deliveryGroups: [{
      id: "gid://shopify/CartDeliveryGroup/1",
      deliveryAddress: { address1, address2: null, countryCode: "US" },
      cartLines: flags.map((f) => ({ merchandise: { __typename: "ProductVariant", restrictions: { jsonValue: { flags: f, default: "carried", exceptions: [] } } } })),
      deliveryOptions: options.map((o) => ({ handle: o.handle, code: o.code, title: o.title, deliveryMethodType: o.type ?? "SHIPPING" })),
    }] },
    deliveryCustomization: { metafield: fallbackTitles ? { jsonValue: { fallbackTitles } } : null, rules: { jsonValue: rules } },
  };
}

const hide = (h: string) => ({ deliveryOptionHide: { deliveryOptionHandle: h } });
const rename = (h: string, title: string) => ({ deliveryOptionRename: { deliveryOptionHandle: h, title } });
const move = (h: string) => ({ deliveryOptionMove: { deliveryOptionHandle: h, index: 0 } });

describe("delivery rules (the Scripts replacement)", () => {
  const table: Array<{ behaviour: string; input: RunInput; operations: unknown[] }> = [
    { behaviour: "hides express for a PO box address", input: checkout({ rules: { hideForPoBox: ["SR-EXPRESS"] }, address1: "P.O. Box 123" }), operations: [hide("express")] },
    { behaviour: "keeps express for a street address", input: checkout({ rules: { hideForPoBox: ["SR-EXPRESS"] }, address1: "12 Box Elder Road" }), operations: [] },
    { behaviour: "hides express when the cart holds a battery item", input: checkout({ rules: { hideForFlags: [{ flags: ["battery"], codes: ["SR-EXPRESS"] }] }, flags: [[], ["battery"]] }), operations: [hide("express")] },
    { behaviour: "keeps express for a cart without restricted items", input: checkout({ rules: { hideForFlags: [{ flags: ["battery"], codes: ["SR-EXPRESS"] }] }, flags: [["cosmetic"]] }), operations: [] },
    { behaviour: "never hides the last shipping option", input: checkout({ rules: { hideForPoBox: ["SR-EXPRESS"] }, address1: "PO Box 9", options: [OPTIONS[1]!] }), operations: [] },
    { behaviour: "renames an option to the merchant's title", input: checkout({ rules: { rename: [{ code: "SR-POST-ECONOMY", title: "China Post, duties included" }] } }),
      operations: [rename("post", "China Post, duties included")] },
    { behaviour: "moves the fastest offered option to the top", input: checkout({ rules: { fastestFirst: ["SR-US-LOCAL", "SR-EXPRESS", "SR-POST-ECONOMY"] } }), operations: [move("local")] },
    { behaviour: "leads with the next fastest when the fastest is hidden", input: checkout({ rules: { hideForPoBox: ["SR-US-LOCAL"], fastestFirst: ["SR-US-LOCAL", "SR-EXPRESS"] }, address1: "Postfach 12" }),
      operations: [hide("local"), move("express")] },
    { behaviour: "does not move an option that already leads", input: checkout({ rules: { fastestFirst: ["SR-POST-ECONOMY"] } }), operations: [] },
    { behaviour: "never renames or moves pickup", input: checkout({ rules: { rename: [{ code: "PICK", title: "x" }] }, options: [{ handle: "p", code: "PICK", title: "Pickup", type: "PICK_UP" }] }), operations: [] },
    { behaviour: "combines with hiding the merchant's fallback rate", input: checkout({ rules: { fastestFirst: ["SR-EXPRESS"] }, fallbackTitles: ["International flat rate"],
      options: [{ handle: "flat", code: "Standard", title: "International flat rate" }, ...OPTIONS] }), operations: [hide("flat"), move("express")] },
    { behaviour: "ignores malformed rules", input: checkout({ rules: { rename: [{ code: 1 }], hideForFlags: [{ flags: "battery" }], fastestFirst: "SR-EXPRESS" } }), operations: [] },
  ];

  it.each(table)("$behaviour", ({ input, operations }) => {
    expect(run(input)).toEqual(operations.length ? { operations } : NO_CHANGES);
  });

  it.each(["PO Box 12", "p o box 7", "Post Office Box 3", "Boîte postale 5", "Apartado Postal 44", "北京市邮政信箱 100"])("recognises %s as a PO box", (line) => {
    expect(isPoBox({ address1: line })).toBe(true);
  });

  it.each(["12 Box Hill Road", "4 Boxer Avenue", "Postbank Tower"])("does not mistake %s for a PO box", (line) => {
    expect(isPoBox({ address1: line })).toBe(false);
  });

  it("returns operations the 2026-10 cart.delivery-options.transform.run output type accepts", () => {
    const schema = buildSchema(fs.readFileSync(path.join(here, "../schema.graphql"), "utf8"), { assumeValid: true });
    const type = schema.getType("CartDeliveryOptionsTransformRunResult") as GraphQLInputType;
    const problems: string[] = [];
    const result = run(checkout({ rules: { hideForPoBox: ["SR-EXPRESS"], rename: [{ code: "SR-POST-ECONOMY", title: "Post" }], fastestFirst: ["SR-US-LOCAL"] }, address1: "PO Box 1" }));
    expect(result.operations).toHaveLength(3);
    coerceInputValue(result, type, (p, _v, e) => problems.push(`${p.join(".")}: ${e.message}`));
    expect(problems).toEqual([]);
  });
});
