import { describe, expect, it } from "vitest";
import { firstAdditional, restrict, zone } from "../../shipping/engine/defaults/card-helpers";
import { buildCard } from "../../shipping/engine/test-builders";
import { isBlocked } from "../../../../extensions/silkroute-restricted-items/src/run";
import { parseFlags, restrictionCalculator } from "./restrictions";

const price = firstAdditional(500, 10_00, 500, 2_00);
// Post: everywhere, but no batteries to AU/NZ and no liquids anywhere.
const post = buildCard({ code: "SR-POST", zones: [zone("ALL", ["*"], [10, 20], price)],
  restrictions: [restrict("battery", "forbid", 0, ["AU", "NZ"]), restrict("liquid", "forbid")] });
// Express: US and GB only, takes liquids, refuses magnets.
const express = buildCard({ code: "SR-EXPRESS", zones: [zone("US", ["US", "GB"], [3, 5], price)],
  restrictions: [restrict("magnet", "forbid")] });

describe("restriction data for the validation function", () => {
  const calculate = restrictionCalculator([post, express]);

  it("blocks batteries only where every serving card forbids them", () => {
    const value = calculate(["battery"])!;
    expect(value).toEqual({ flags: ["battery"], default: "carried", exceptions: ["AU", "NZ"] });
  });

  it("blocks liquids everywhere except where another card carries them", () => {
    const value = calculate(["liquid"])!;
    expect(value).toEqual({ flags: ["liquid"], default: "blocked", exceptions: ["GB", "US"] });
    expect(isBlocked(value, "DE")).toBe(true);
    expect(isBlocked(value, "US")).toBe(false);
  });

  it("keeps a magnet carried where post still serves, since a country-wide card refusal is not all cards", () => {
    expect(calculate(["magnet"])).toEqual({ flags: ["magnet"], default: "carried", exceptions: [] });
  });

  it("combines flags: an item with a magnet and liquid is blocked where no card takes both", () => {
    const value = calculate(["magnet", "liquid"])!;
    expect(value.default).toBe("blocked");
    expect(isBlocked(value, "US")).toBe(true);
  });

  it("leaves destinations no card serves to the merchant's own rates", () => {
    const only = restrictionCalculator([express]);
    expect(only(["magnet"])).toEqual({ flags: ["magnet"], default: "carried", exceptions: ["GB", "US"] });
    expect(isBlocked(only(["magnet"])!, "FR")).toBe(false);
  });

  it("counts only cards shipping from where the item is stocked", () => {
    const usGround = buildCard({ code: "SR-US-GROUND", origins: ["US"], zones: [zone("US", ["US"], [2, 5], price)], restrictions: [] });
    const both = restrictionCalculator([post, usGround]);
    expect(both(["liquid"], ["US"])).toEqual({ flags: ["liquid"], default: "carried", exceptions: [] });
    expect(both(["liquid"], ["CN"])).toEqual({ flags: ["liquid"], default: "blocked", exceptions: [] });
    expect(both(["liquid"])).toEqual({ flags: ["liquid"], default: "blocked", exceptions: ["US"] });
  });

  it("writes nothing for an item without flags", () => {
    expect(calculate([])).toBeNull();
  });

  it("reads the mapping's comma-separated flags, ignoring unknown words and duplicates", () => {
    expect(parseFlags(" Liquid,battery,,glitter,battery")).toEqual(["battery", "liquid"]);
  });
});
