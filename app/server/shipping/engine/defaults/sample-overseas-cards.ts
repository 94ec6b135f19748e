/** SAMPLE domestic services from overseas warehouses — placeholder amounts, replace with contracted rates. */
import type { RateCard } from "../card-types";
import { EU_COUNTRIES } from "../duties/default-duty-rules";
import { defineCard, firstAdditional, restrict, zone } from "./card-helpers";
import { SAMPLE_REMOTE_AREAS } from "./sample-china-cards";

const EU_NEAR = ["AT", "NL", "BE", "FR", "DK", "LU", "PL", "CZ"];

export const SAMPLE_US_GROUND: RateCard = defineCard({
  code: "SR-US-GROUND",
  name: "US Ground (from US warehouse)",
  currency: "USD",
  incoterm: "DDP",
  origins: ["US"],
  volumetric: { divisor: 5000, mode: "full", minSideCm: 0, minRatio: 0 },
  rounding: { stepGrams: 100, minGrams: 100, heavyFromGrams: 0, heavyStepGrams: 0 },
  cutoffLocalTime: "13:00",
  remoteSurcharge: { perKgMinor: 0, minMinor: 8_00 },
  remoteAreas: SAMPLE_REMOTE_AREAS.filter((a) => a.country === "US"),
  zones: [zone("US", ["US"], [2, 5], firstAdditional(500, 6_50, 500, 1_20))],
  restrictions: [restrict("liquid", "surcharge", 1_00)],
});

export const SAMPLE_EU_PARCEL: RateCard = defineCard({
  code: "SR-EU-PARCEL",
  name: "EU Parcel (from Germany)",
  currency: "EUR",
  incoterm: "DDP",
  origins: ["DE"],
  volumetric: { divisor: 5000, mode: "full", minSideCm: 0, minRatio: 0 },
  rounding: { stepGrams: 1000, minGrams: 1000, heavyFromGrams: 0, heavyStepGrams: 0 },
  maxLongestSideCm: 120,
  cutoffLocalTime: "14:00",
  zones: [
    zone("DE", ["DE"], [1, 2], firstAdditional(1000, 4_90, 1000, 80)),
    zone("EU1", EU_NEAR, [2, 4], firstAdditional(1000, 8_90, 1000, 1_50)),
    zone("EU2", EU_COUNTRIES.filter((c) => c !== "DE" && !EU_NEAR.includes(c)), [3, 6], firstAdditional(1000, 11_90, 1000, 2_00)),
  ],
});

export const SAMPLE_UK_TRACKED: RateCard = defineCard({
  code: "SR-UK-TRACKED",
  name: "UK Tracked 48 (from UK warehouse)",
  currency: "GBP",
  incoterm: "DDP",
  origins: ["GB"],
  volumetric: { divisor: 5000, mode: "full", minSideCm: 0, minRatio: 0 },
  rounding: { stepGrams: 1000, minGrams: 1000, heavyFromGrams: 0, heavyStepGrams: 0 },
  maxGrams: 20_000,
  cutoffLocalTime: "15:00",
  remoteSurcharge: { perKgMinor: 0, minMinor: 4_50 },
  remoteAreas: SAMPLE_REMOTE_AREAS.filter((a) => a.country === "GB"),
  zones: [zone("GB", ["GB"], [1, 3], firstAdditional(1000, 3_95, 1000, 90))],
});
