/** Writes a card in the upload format so the admin editor can download, edit and re-upload it. */
import { currencyExponent, toDecimalString } from "../../../money";
import type { RateCard } from "../card-types";
import { CARD_SETTINGS } from "./card-settings";
import { csvField } from "./csv-lines";
import { formatMinorText } from "./decimal-text";

export function serializeRateCardCsv(card: RateCard): string {
  const exp = currencyExponent(card.currency);
  // Amounts may be fractional minor units (three-decimal fees): write them exactly, at least to the currency's precision.
  const amount = (minor: number) => Number.isInteger(minor) ? toDecimalString({ amount: minor, currency: card.currency }) : formatMinorText(minor, exp);
  const rate = (minorPerKg: number) => formatMinorText(minorPerKg, exp);
  const rows: string[][] = [];
  for (const spec of CARD_SETTINGS) {
    const value = spec.get(card);
    if (value === null) continue;
    rows.push(["card", spec.key, Array.isArray(value) ? value.join(" ") : String(value)]);
  }
  if (card.remoteSurcharge) rows.push(["remote_surcharge", rate(card.remoteSurcharge.perKgMinor), amount(card.remoteSurcharge.minMinor)]);
  for (const zone of card.zones) {
    rows.push(["zone", zone.code, zone.countries.join(" ")]);
    for (const leg of zone.transit) rows.push(["transit", zone.code, leg.label, String(leg.minDays), String(leg.maxDays)]);
    const p = zone.price;
    if (p.kind === "first-additional") {
      rows.push(["first", zone.code, String(p.firstGrams), amount(p.firstMinor), String(p.additionalGrams), amount(p.additionalMinor)]);
    } else {
      for (const b of p.bands) {
        if (b.increment && b.perKgMinor === 0) rows.push(["increment", zone.code, String(b.fromGrams), String(b.toGrams), amount(b.itemFeeMinor), String(b.increment.grams), amount(b.increment.minor)]);
        else rows.push(["band", zone.code, String(b.fromGrams), String(b.toGrams), amount(b.itemFeeMinor), rate(b.perKgMinor)]);
      }
    }
  }
  for (const area of card.remoteAreas) rows.push(["remote", area.country, area.from, area.to]);
  for (const r of card.restrictions) rows.push(["restrict", r.flag, r.countries.join(" "), r.action, amount(r.perItemMinor)]);
  const header = `# Silkroute rate card v1: ${card.sample ? "SAMPLE rates, replace with contracted rates" : "contracted rates"}`;
  return [header, ...rows.map((row) => row.map(csvField).join(","))].join("\n") + "\n";
}
