import { describe, expect, it } from "vitest";
import { coverage, reachKey, servedDestinations, type ReachProfile, type ReachZone } from "./destinations";

const CARRIER = "gid://shopify/DeliveryCarrierService/1";
const zone = (over: Partial<ReachZone>): ReachZone => ({ id: "z", name: "Zone", countries: [], restOfWorld: false, participants: [], ...over });
const ours = [{ id: "m", carrierServiceId: CARRIER, active: true }];
const profile = (over: Partial<ReachProfile>, zones: ReachZone[]): ReachProfile => ({ id: "p", name: "General profile", default: true, coversAllItems: false, groups: [{ id: "g", locationIds: ["l"], zones }], ...over });

describe("served destinations and coverage", () => {
  it("collects the cards' explicit countries once, sorted, and reads '*' as rest of world", () => {
    const cards = [{ zones: [{ countries: ["GB", "DE"] }, { countries: ["*"] }] }, { zones: [{ countries: ["DE", "FR"] }] }];
    expect(servedDestinations(cards)).toEqual({ countries: ["DE", "FR", "GB"], restOfWorld: true });
    expect(servedDestinations([{ zones: [{ countries: ["US"] }] }])).toEqual({ countries: ["US"], restOfWorld: false });
  });

  it("warns about every served country on a fresh store, where no zone has Silkroute's rates", () => {
    const general = profile({}, [zone({ name: "Domestic", countries: ["US"], participants: [] })]);
    expect(coverage([general], CARRIER, { countries: ["DE", "US"], restOfWorld: false })).toEqual({ offered: [], uncovered: ["DE", "US"], restOfWorldCovered: false, overridesGeneral: false });
  });

  it("lists where rates are offered and uses the app profile covering all items instead of General", () => {
    const general = profile({}, [zone({ name: "Domestic", countries: ["US"], participants: ours })]);
    const app = profile({ id: "a", name: "Silkroute", default: false, coversAllItems: true }, [zone({ name: "Served", countries: ["DE"], participants: ours })]);
    const result = coverage([general, app], CARRIER, { countries: ["DE", "US"], restOfWorld: false });
    expect(result.offered.map((o) => `${o.profileName}/${o.zoneName}`)).toEqual(["General profile/Domestic", "Silkroute/Served"]);
    expect(result).toMatchObject({ uncovered: ["US"], overridesGeneral: true, restOfWorldCovered: false });
  });

  it("counts a rest-of-world zone with Silkroute's rates as covering countries not listed elsewhere, but not an inactive or foreign participant", () => {
    const general = profile({}, [zone({ countries: ["US"], participants: [{ id: "x", carrierServiceId: "gid://shopify/DeliveryCarrierService/9", active: true }] }), zone({ restOfWorld: true, participants: ours })]);
    expect(coverage([general], CARRIER, { countries: ["DE", "US"], restOfWorld: true })).toMatchObject({ uncovered: ["US"], restOfWorldCovered: true });
    const inactive = profile({}, [zone({ countries: ["DE"], participants: [{ ...ours[0]!, active: false }] })]);
    expect(coverage([inactive], CARRIER, { countries: ["DE"], restOfWorld: false }).uncovered).toEqual(["DE"]);
  });

  it("keys the desired profile content independent of location order", () => {
    const served = { countries: ["DE"], restOfWorld: true };
    expect(reachKey(served, CARRIER, ["b", "a"])).toBe(reachKey(served, CARRIER, ["a", "b"]));
    expect(reachKey(served, CARRIER, ["a"])).not.toBe(reachKey({ ...served, restOfWorld: false }, CARRIER, ["a"]));
  });
});
