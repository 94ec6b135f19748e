/**
 * Parses a merchant-uploaded rate card (format: ../rate-card-csv.md). All-or-nothing: any error
 * rejects the whole card with line-numbered messages, and the caller keeps its previous card.
 */
import { currencyExponent } from "../../../money";
import type { PriceModel, RateCard, RemoteArea, Restriction, TransitLeg, WeightBand, Zone } from "../card-types";
import { validateRateCard } from "../validate-card";
import { CARD_SETTINGS, SETTING_DEFAULTS } from "./card-settings";
import { tokenizeCsv, type CsvLine } from "./csv-lines";
import { FieldReader, type CsvError } from "./parse-values";
import { englishMessage } from "../../../../i18n/english";

export type ParseRateCardResult = { ok: true; card: RateCard } | { ok: false; errors: CsvError[] };

const COLUMNS: Readonly<Record<string, readonly number[]>> = {
  card: [3], zone: [3], transit: [5], band: [6], increment: [7], first: [6], remote: [4], restrict: [4, 5], remote_surcharge: [3],
};

interface ZoneDraft { line: number; code: string; countries: string[]; transit: TransitLeg[]; bands: WeightBand[]; first: PriceModel | null }

export function parseRateCardCsv(text: string): ParseRateCardResult {
  const tokens = tokenizeCsv(text);
  if (!tokens.ok) return { ok: false, errors: [{ line: tokens.line, ...englishMessage("messages:csv.unterminated") }] };
  const r = new FieldReader();
  const rows: CsvLine[] = [];
  for (const row of tokens.lines) {
    const type = row.fields[0]!.toLowerCase();
    const allowed = COLUMNS[type];
    if (!allowed) r.fail(row.line, "messages:csv.unknownRecord", { type: row.fields[0]!, allowed: Object.keys(COLUMNS).join(", ") });
    else if (!allowed.includes(row.fields.length)) r.fail(row.line, "messages:csv.columns", { type, allowed: allowed[0]!, alternative: allowed[1] === undefined ? "none" : String(allowed[1]), found: row.fields.length });
    else rows.push({ line: row.line, fields: [type, ...row.fields.slice(1)] });
  }
  const lines = new Map<string, number>(); // validation path → line
  const settings = new Map<string, { value: string; line: number }>();
  for (const { line, fields } of rows.filter((row) => row.fields[0] === "card")) {
    const key = fields[1]!.toLowerCase();
    if (!CARD_SETTINGS.some((s) => s.key === key)) r.fail(line, "messages:csv.unknownSetting", { setting: fields[1]! });
    else if (settings.has(key)) r.fail(line, "messages:csv.repeatedSetting", { setting: key, first: settings.get(key)!.line });
    else {
      settings.set(key, { value: fields[2]!, line });
      lines.set(`card.${key}`, line);
    }
  }
  const firstLine = rows[0]?.line ?? 1;
  for (const spec of CARD_SETTINGS) if (spec.required && !settings.has(spec.key)) r.fail(firstLine, "messages:csv.missingSetting", { setting: spec.key });
  const currency = (settings.get("currency")?.value ?? "XXX").toUpperCase();
  const exp = currencyExponent(currency);
  const setting = (key: string): string | number | boolean | null => {
    const s = settings.get(key);
    const spec = CARD_SETTINGS.find((x) => x.key === key)!;
    if (!s) return SETTING_DEFAULTS[key] ?? null;
    switch (spec.kind) {
      case "int": return r.int(s.line, s.value, key);
      case "number": return r.number(s.line, s.value, key);
      case "bool": return /^(true|yes|1)$/i.test(s.value) ? true : /^(false|no|0)$/i.test(s.value) ? false : r.fail(s.line, "messages:csv.notBool", { setting: key, value: s.value });
      case "incoterm": return /^(DDP|DDU)$/i.test(s.value) ? s.value.toUpperCase() : r.fail(s.line, "messages:csv.incoterm", { value: s.value });
      case "mode": return /^(full|half|none)$/.test(s.value) ? s.value : r.fail(s.line, "messages:csv.volumetricMode", { value: s.value });
      case "boundary": return /^(upper|lower)$/.test(s.value) ? s.value : r.fail(s.line, "messages:csv.bandBoundary", { value: s.value });
      case "transport": return /^(postal|courier)$/.test(s.value) ? s.value : r.fail(s.line, "messages:csv.transport", { value: s.value });
      case "date": return s.value === "" ? null : s.value; // checked by validateRateCard
      case "currency": return s.value.toUpperCase();
      default: return s.value;
    }
  };
  const zones = new Map<string, ZoneDraft>();
  for (const { line, fields } of rows.filter((row) => row.fields[0] === "zone")) {
    const code = fields[1]!;
    if (zones.has(code)) r.fail(line, "messages:csv.zoneTwice", { zone: code, first: zones.get(code)!.line });
    const countries = r.countries(line, fields[2]!) ?? [];
    zones.set(code, { line, code, countries, transit: [], bands: [], first: null });
    lines.set(`zones.${code}`, line);
  }
  const remoteAreas: RemoteArea[] = [];
  const restrictions: Restriction[] = [];
  let remoteSurcharge: RateCard["remoteSurcharge"] = null;
  for (const { line, fields } of rows) {
    const [type, a = "", b = "", c = "", d = "", e = ""] = fields;
    const zoneOf = (code: string) => zones.get(code) ?? r.fail(line, "messages:csv.unknownZone", { zone: code });
    if (type === "transit") {
      const z = zoneOf(a);
      const [min, max] = [r.int(line, c, "minDays"), r.int(line, d, "maxDays")];
      if (z && min !== null && max !== null) {
        lines.set(`zones.${a}.transit.${z.transit.length}`, line);
        z.transit.push({ label: b, minDays: min, maxDays: max });
      }
    } else if (type === "band") {
      const z = zoneOf(a);
      const values = [r.int(line, b, "fromGrams"), r.int(line, c, "toGrams"), r.amount(line, d, exp, "itemFee"), r.rate(line, e, exp, "perKgRate")];
      if (z?.first) r.fail(line, "messages:csv.zoneUsesFirst", { zone: a });
      else if (z && values.every((v) => v !== null)) {
        const [fromGrams, toGrams, itemFeeMinor, perKgMinor] = values as number[];
        lines.set(`zones.${a}.price.bands.${z.bands.length}`, line);
        z.bands.push({ fromGrams: fromGrams!, toGrams: toGrams!, itemFeeMinor: itemFeeMinor!, perKgMinor: perKgMinor! });
      }
    } else if (type === "increment") {
      // "then base + each step or part thereof" above from_g, as the last rows of a step table (mixed zone).
      const z = zoneOf(a);
      const values = [r.int(line, b, "fromGrams"), r.int(line, c, "toGrams"), r.amount(line, d, exp, "basePrice"), r.int(line, e, "stepGrams"), r.amount(line, fields[6] ?? "", exp, "pricePerStep")];
      if (z?.first) r.fail(line, "messages:csv.zoneUsesFirst", { zone: a });
      else if (z && values.every((v) => v !== null)) {
        const [fromGrams, toGrams, itemFeeMinor, grams, minor] = values as number[];
        lines.set(`zones.${a}.price.bands.${z.bands.length}`, line);
        z.bands.push({ fromGrams: fromGrams!, toGrams: toGrams!, itemFeeMinor: itemFeeMinor!, perKgMinor: 0, increment: { grams: grams!, minor: minor! } });
      }
    } else if (type === "first") {
      const z = zoneOf(a);
      const values = [r.int(line, b, "firstGrams"), r.amount(line, c, exp, "firstPrice"), r.int(line, d, "additionalGrams"), r.amount(line, e, exp, "additionalPrice")];
      if (z && (z.bands.length > 0 || z.first)) r.fail(line, "messages:csv.zoneHasPrice", { zone: a });
      else if (z && values.every((v) => v !== null)) {
        const [firstGrams, firstMinor, additionalGrams, additionalMinor] = values as number[];
        z.first = { kind: "first-additional", firstGrams: firstGrams!, firstMinor: firstMinor!, additionalGrams: additionalGrams!, additionalMinor: additionalMinor! };
        lines.set(`zones.${a}.price`, line);
      }
    } else if (type === "remote") {
      lines.set(`remoteAreas.${remoteAreas.length}`, line);
      remoteAreas.push({ country: a.toUpperCase(), from: b.toUpperCase(), to: c.toUpperCase() });
    } else if (type === "remote_surcharge") {
      const [perKg, min] = [r.rate(line, a, exp, "remotePerKgRate"), r.amount(line, b, exp, "remoteMinimum")];
      if (perKg !== null && min !== null) {
        remoteSurcharge = { perKgMinor: perKg, minMinor: min };
        lines.set("card.remote", line);
      }
    } else if (type === "restrict") {
      const [flag, countries, action] = [r.flag(line, a), r.countries(line, b), r.action(line, c)];
      const fee = d ? r.amount(line, d, exp, "restrictionSurcharge") : 0;
      if (flag && countries && action && fee !== null) {
        lines.set(`restrictions.${restrictions.length}`, line);
        restrictions.push({ flag, countries, action, perItemMinor: fee });
      }
    }
  }
  const values = Object.fromEntries(CARD_SETTINGS.map((s) => [s.key, setting(s.key)]));
  if (r.errors.length > 0) return { ok: false, errors: sortErrors(r.errors) };
  const zoneList: Zone[] = [...zones.values()].map((z) => ({
    code: z.code, countries: z.countries, transit: z.transit, price: z.first ?? { kind: "weight-bands", bands: z.bands },
  }));
  const card: RateCard = {
    code: String(values.code), name: String(values.name), sample: values.sample === true, currency,
    incoterm: values.incoterm as RateCard["incoterm"], transport: values.transport as RateCard["transport"],
    bandBoundary: values.band_boundary as RateCard["bandBoundary"], smoothing: values.smoothing === true,
    effectiveFrom: values.effective_from === null ? null : String(values.effective_from),
    effectiveUntil: values.effective_until === null ? null : String(values.effective_until), origins: r.countries(settings.get("origins")!.line, String(values.origins)) ?? [],
    volumetric: { divisor: Number(values.volumetric_divisor), mode: values.volumetric_mode as RateCard["volumetric"]["mode"], minSideCm: Number(values.volumetric_min_side_cm), minRatio: Number(values.volumetric_min_ratio) },
    rounding: { stepGrams: Number(values.step_g), minGrams: Number(values.min_g), heavyFromGrams: Number(values.heavy_from_g), heavyStepGrams: Number(values.heavy_step_g) },
    maxGrams: Number(values.max_g), maxLongestSideCm: Number(values.max_longest_cm), maxSumOfSidesCm: Number(values.max_sum_cm),
    handlingDays: Number(values.handling_days), cutoffLocalTime: String(values.cutoff), fuelPercent: Number(values.fuel_pct),
    remoteSurcharge, zones: zoneList, remoteAreas, restrictions,
  };
  const issues = validateRateCard(card);
  if (issues.length === 0 && r.errors.length === 0) return { ok: true, card };
  for (const issue of issues) r.report(lineFor(lines, issue.path), issue);
  return { ok: false, errors: sortErrors(r.errors) };
}

/** The most specific declared path that prefixes the issue's path ("zones.US.bands.1" → its band row). */
function lineFor(lines: ReadonlyMap<string, number>, path: string): number | null {
  for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    const line = lines.get(p);
    if (line !== undefined) return line;
  }
  return null;
}

function sortErrors(errors: CsvError[]): CsvError[] {
  return [...errors].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
