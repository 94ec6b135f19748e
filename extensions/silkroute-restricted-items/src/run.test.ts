import fs from "node:fs";
import path from "node:path";
import { buildSchema, coerceInputValue, parse, validate, type GraphQLInputType } from "graphql";
import { describe, expect, it } from "vitest";
import { CART_TARGET, NO_ERRORS, run, type RunInput } from "./run";

const here = import.meta.dirname;
const schema = buildSchema(fs.readFileSync(path.join(here, "../schema.graphql"), "utf8"), { assumeValid: true });

interface Line { product: string; variant?: string; restriction?: unknown }
function cart({ country = "AU", step = "CHECKOUT_INTERACTION", language = "EN", lines }: {
  country?: string | null; step?: string; language?: string; lines: Line[];
}): RunInput {
  return {
    buyerJourney: { step },
    localization: { language: { isoCode: language } },
    cart: {
      deliveryGroups: [{
        deliveryAddress: country === null ? null : { countryCode: country },
        cartLines: lines.map((l, i) => ({
          id: `gid://shopify/CartLine/${i + 1}`,
          merchandise: {
            __typename: "ProductVariant", id: `gid://shopify/ProductVariant/${i + 1}`, title: l.variant ?? "Default Title",
            product: { title: l.product },
            metafield: l.restriction === undefined ? null : { jsonValue: l.restriction },
          },
        })),
      }],
    },
  };
}

const powerBank = { product: "Power bank 10000 mAh", restriction: { flags: ["battery"], default: "carried", exceptions: ["AU", "NZ"] } };
const perfume = { product: "Perfume", variant: "50 ml", restriction: { flags: ["liquid", "cosmetic"], default: "blocked", exceptions: ["US", "GB"] } };
const mug = { product: "Mug" };

describe("restricted items validation", () => {
  const table: Array<{ behaviour: string; input: RunInput; messages: string[] }> = [
    { behaviour: "blocks a battery item to a country every service forbids, naming it", input: cart({ country: "AU", lines: [mug, powerBank] }),
      messages: [`"Power bank 10000 mAh" can't be shipped to AU: it contains batteries, which our carriers can't take there. Remove it or use another address.`] },
    { behaviour: "lets the same item through to a country a service carries it to", input: cart({ country: "US", lines: [mug, powerBank] }), messages: [] },
    { behaviour: "reads a blocked-by-default item as carried only to its exceptions", input: cart({ country: "US", lines: [perfume] }), messages: [] },
    { behaviour: "names the variant too and every restricted flag", input: cart({ country: "DE", lines: [perfume] }),
      messages: [`"Perfume – 50 ml" can't be shipped to DE: it contains liquids, cosmetics, which our carriers can't take there. Remove it or use another address.`] },
    { behaviour: "speaks Simplified Chinese to a zh-CN buyer", input: cart({ country: "NZ", language: "ZH_CN", lines: [powerBank] }),
      messages: ["“Power bank 10000 mAh”含电池，无法寄往 NZ。请移除该商品或更换收货地址。"] },
    { behaviour: "reports each blocked item once", input: cart({ country: "DE", lines: [powerBank, perfume, mug] }), messages: [expect.stringContaining("Perfume – 50 ml") as unknown as string] },
    { behaviour: "never blocks while the buyer is still editing the cart", input: cart({ step: "CART_INTERACTION", lines: [powerBank] }), messages: [] },
    { behaviour: "waits for a shipping address", input: cart({ country: null, lines: [powerBank] }), messages: [] },
    { behaviour: "ignores items without restriction data or with a malformed value", input: cart({ lines: [mug, { product: "X", restriction: { default: "maybe" } }, { product: "Y", restriction: "AU" }] }), messages: [] },
    { behaviour: "blocks at checkout completion as well", input: cart({ step: "CHECKOUT_COMPLETION", country: "au", lines: [powerBank] }), messages: [expect.stringContaining("Power bank") as unknown as string] },
  ];

  it.each(table)("$behaviour", ({ input, messages }) => {
    const result = run(input);
    if (!messages.length) return expect(result).toEqual(NO_ERRORS);
    expect(result).toEqual({ operations: [{ validationAdd: { errors: messages.map((message) => ({ message, target: CART_TARGET })) } }] });
  });

  it("asks Shopify only for fields the 2026-10 validation input has", () => {
    const errors = validate(schema, parse(fs.readFileSync(path.join(here, "run.graphql"), "utf8")));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("returns a result the 2026-10 cartValidationsGenerateRun output type accepts", () => {
    const type = schema.getType("CartValidationsGenerateRunResult") as GraphQLInputType;
    const problems: string[] = [];
    coerceInputValue(run(cart({ country: "AU", lines: [powerBank] })), type, (p, _v, e) => problems.push(`${p.join(".")}: ${e.message}`));
    coerceInputValue({ operations: [{ validationAdd: { errors: [{ message: "x" }] } }] }, type, (p, _v, e) => problems.push(`bad ${e.message}`));
    expect(problems).toEqual([expect.stringContaining("bad")]);
  });

  it("declares the 2026-10 validation target that exports run", () => {
    const toml = fs.readFileSync(path.join(here, "../shopify.extension.toml"), "utf8");
    expect(toml).toMatch(/api_version = "2026-10"/);
    expect(toml).toMatch(/target = "cart\.validations\.generate\.run"/);
  });
});
