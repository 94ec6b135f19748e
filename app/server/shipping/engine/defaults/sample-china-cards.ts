/**
 * SAMPLE rate cards from China — NOT contracted rates. Structures, divisors, limits and transit follow
 * the published models in docs/reference supply-and-logistics B.1/B.2; the amounts are placeholders
 * to be replaced by uploading the carrier's CSV.
 */
import type { RateCard, RemoteArea } from "../card-types";
import { EU_COUNTRIES } from "../duties/default-duty-rules";
import { bands, defineCard, firstAdditional, restrict, zone } from "./card-helpers";

const EU = EU_COUNTRIES;

export const SAMPLE_REMOTE_AREAS: readonly RemoteArea[] = [
  { country: "US", from: "99500", to: "99999" }, // Alaska
  { country: "US", from: "96700", to: "96899" }, // Hawaii
  { country: "US", from: "00600", to: "00999" }, // Puerto Rico
  { country: "GB", from: "HS", to: "HS" }, // Outer Hebrides
  { country: "GB", from: "ZE", to: "ZE" }, // Shetland
  { country: "GB", from: "KW15", to: "KW17" }, // Orkney
  { country: "DE", from: "27498", to: "27498" }, // Heligoland
];

/** JD-style direct line: item fee + per kg (CNY), DDP, fuel-inclusive, /8000, 10 g steps, 50 g minimum. */
export const SAMPLE_CHINA_DIRECT: RateCard = defineCard({
  code: "SR-CN-DIRECT",
  name: "China Direct Line (duties included)",
  currency: "CNY",
  incoterm: "DDP",
  origins: ["CN"],
  volumetric: { divisor: 8000, mode: "full", minSideCm: 0, minRatio: 0 },
  rounding: { stepGrams: 10, minGrams: 50, heavyFromGrams: 0, heavyStepGrams: 0 },
  maxGrams: 20_000,
  maxLongestSideCm: 120,
  maxSumOfSidesCm: 250,
  handlingDays: 1,
  cutoffLocalTime: "15:00",
  zones: [
    zone("US", ["US"], [6, 12], bands([0, 2000, 22_00, 95_00], [2001, 20_000, 28_00, 90_00])),
    zone("GB", ["GB"], [6, 10], bands([0, 2000, 20_00, 80_00], [2001, 20_000, 26_00, 76_00])),
    zone("EU", EU, [6, 10], bands([0, 2000, 20_00, 85_00], [2001, 20_000, 26_00, 80_00])),
    zone("AU", ["AU"], [6, 10], bands([0, 20_000, 20_00, 80_00])),
    zone("CA", ["CA"], [8, 15], bands([0, 20_000, 25_00, 100_00])),
    zone("JP", ["JP"], [5, 8], bands([0, 20_000, 15_00, 45_00])),
    zone("SG", ["SG"], [5, 8], bands([0, 20_000, 15_00, 40_00])),
  ],
  restrictions: [
    restrict("battery", "surcharge", 5_00),
    restrict("cosmetic", "surcharge", 1_00), // Wish "special cargo": +1 RMB per item
    restrict("magnet", "surcharge", 2_00),
    restrict("liquid", "forbid"),
    restrict("powder", "forbid"),
  ],
});

/** Express as two 48 h legs (China → destination country, then last mile): USD, /5000, 0.5 kg steps, whole kg from 21 kg. */
export const SAMPLE_EXPRESS: RateCard = defineCard({
  code: "SR-EXPRESS",
  name: "Express 2×48h (duties included)",
  currency: "USD",
  incoterm: "DDP",
  origins: ["CN"],
  volumetric: { divisor: 5000, mode: "full", minSideCm: 0, minRatio: 0 },
  rounding: { stepGrams: 500, minGrams: 500, heavyFromGrams: 21_000, heavyStepGrams: 1000 },
  maxGrams: 30_000,
  maxLongestSideCm: 120,
  maxSumOfSidesCm: 300,
  handlingDays: 0,
  cutoffLocalTime: "14:00",
  fuelPercent: 18,
  remoteSurcharge: { perKgMinor: 50, minMinor: 25_00 },
  remoteAreas: SAMPLE_REMOTE_AREAS,
  zones: [
    zone("US", ["US"], legs(), firstAdditional(500, 18_00, 500, 4_50)),
    zone("EU-GB", [...EU, "GB"], legs(), firstAdditional(500, 16_00, 500, 4_00)),
    zone("APAC-CA", ["AU", "CA", "JP", "SG", "NZ", "KR"], legs(), firstAdditional(500, 17_00, 500, 4_20)),
    zone("ROW", ["*"], [{ label: "China → destination", minDays: 2, maxDays: 3 }, { label: "last mile", minDays: 2, maxDays: 4 }], firstAdditional(500, 22_00, 500, 5_50)),
  ],
  restrictions: [restrict("battery", "separate"), restrict("liquid", "forbid"), restrict("powder", "forbid")],
});

function legs() {
  return [{ label: "China → destination (48 h)", minDays: 1, maxDays: 2 }, { label: "last mile (48 h)", minDays: 1, maxDays: 2 }];
}

/** ePacket-class postal economy: CNY, actual weight only, max 2 kg, longest side 60 cm, L+W+H 90 cm, DDU. */
export const SAMPLE_POSTAL_ECONOMY: RateCard = defineCard({
  code: "SR-POST-ECONOMY",
  transport: "postal",
  name: "Economy Post (tracked)",
  currency: "CNY",
  incoterm: "DDU",
  origins: ["CN"],
  volumetric: { divisor: 8000, mode: "none", minSideCm: 0, minRatio: 0 },
  rounding: { stepGrams: 1, minGrams: 0, heavyFromGrams: 0, heavyStepGrams: 0 },
  maxGrams: 2000,
  maxLongestSideCm: 60,
  maxSumOfSidesCm: 90,
  handlingDays: 2,
  cutoffLocalTime: "12:00",
  zones: [
    zone("US", ["US"], [7, 10], bands([1, 2000, 18_00, 85_00])),
    zone("EU-GB", [...EU, "GB"], [8, 15], bands([1, 2000, 17_00, 70_00])),
    zone("ROW", ["*"], [10, 20], bands([1, 2000, 20_00, 90_00])),
  ],
  restrictions: (["battery", "liquid", "powder", "magnet", "cosmetic"] as const).map((f) => restrict(f, "forbid")),
});
