import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { NO_CHANGES, run, type RunInput } from "./run";

const here = import.meta.dirname;

function buildInput({ options, fallbackTitles = ["International flat rate"] }: {
  options: Array<{ handle: string; code?: string | null; title: string; type?: string }>;
  fallbackTitles?: unknown[] | null;
}): RunInput {
  return {
    cart: {
      deliveryGroups: [{
        id: "gid://shopify/CartDeliveryGroup/1",
        deliveryOptions: options.map((o) => ({ handle: o.handle, code: o.code ?? null, title: o.title, deliveryMethodType: o.type ?? "SHIPPING" })),
      }],
    },
    deliveryCustomization: { metafield: fallbackTitles === null ? null : { jsonValue: { fallbackTitles } } },
  };
}

describe("Silkroute fallback rates", () => {
  it("hides the merchant's fallback rate when Silkroute offers rates", () => {
    const input = buildInput({
      options: [
        { handle: "sr-direct", code: "SR-CN-DIRECT", title: "China Direct Line (duties included)" },
        { handle: "flat", code: "Standard", title: "International flat rate" },
      ],
    });
    expect(run(input)).toEqual({ operations: [{ deliveryOptionHide: { deliveryOptionHandle: "flat" } }] });
  });

  it("keeps the fallback rate when Silkroute offered nothing, so checkout is never stuck", () => {
    const input = buildInput({ options: [{ handle: "flat", code: "Standard", title: "International flat rate" }] });
    expect(run(input)).toEqual(NO_CHANGES);
  });

  it("matches titles regardless of case and surrounding spaces, and never hides pickup", () => {
    const input = buildInput({
      fallbackTitles: ["  INTERNATIONAL FLAT RATE "],
      options: [
        { handle: "sr", code: "SR-EXPRESS", title: "Express" },
        { handle: "flat", title: "International flat rate" },
        { handle: "pickup", title: "International flat rate", type: "PICK_UP" },
      ],
    });
    expect(run(input).operations).toEqual([{ deliveryOptionHide: { deliveryOptionHandle: "flat" } }]);
  });

  it("recognises a merchant's own rate card by its configured code", () => {
    const input = buildInput({ options: [{ handle: "acme", code: "ACME-LINE", title: "Acme line" }, { handle: "flat", title: "International flat rate" }] });
    input.deliveryCustomization.metafield = { jsonValue: { fallbackTitles: ["International flat rate"], silkrouteCodes: ["ACME-LINE"] } };
    expect(run(input).operations).toEqual([{ deliveryOptionHide: { deliveryOptionHandle: "flat" } }]);
  });

  it("changes nothing until the merchant names fallback rates", () => {
    const options = [{ handle: "sr", code: "SR-EXPRESS", title: "Express" }, { handle: "flat", title: "International flat rate" }];
    expect(run(buildInput({ options, fallbackTitles: null }))).toEqual(NO_CHANGES);
    expect(run(buildInput({ options, fallbackTitles: [42, null] }))).toEqual(NO_CHANGES);
  });

  it("asks Shopify only for fields the 2026-10 delivery customization input has", () => {
    const schema = buildSchema(fs.readFileSync(path.join(here, "../schema.graphql"), "utf8"), { assumeValid: true });
    const errors = validate(schema, parse(fs.readFileSync(path.join(here, "run.graphql"), "utf8")));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
