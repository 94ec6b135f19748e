/**
 * A shop's rate cards, stored as the CSV the merchant uploaded. Until the shop stores any card the
 * engine's SAMPLE cards apply; from the first upload on, only the shop's active cards do.
 * Uploads are all-or-nothing: a card with any error is rejected and the stored card stays in force.
 * A code may hold several versions (rows keyed by effective_from); checkout quotes the one in force on the order date.
 */
import db from "../../db.server";
import {
  compileRateEngine, DEFAULT_DUTY_RULES, describeCsvError, diffRateCards, parseRateCardCsv, RateCardError, SAMPLE_CARDS,
  SAMPLE_DEFAULT_WAREHOUSE, SAMPLE_WAREHOUSES, serializeRateCardCsv, type CardChange, type CompiledEngine, type RateCard, type Warehouse,
} from "./engine";
import { invalidateShopRateContext } from "./rate-context-cache";
import { queueCheckoutReachSync } from "./checkout-reach/reach.server";
import { enqueueRestrictionsWrite } from "../extensions/restricted-items/enqueue.server";
import { englishMessage } from "../../i18n/english";
import { message, type Message } from "../../i18n/message";

export interface RateCardSummary {
  code: string;
  name: string;
  currency: string;
  incoterm: string;
  zones: number;
  active: boolean;
  sample: boolean;
  version: number | null;
  uploadedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  /** current = quoted today; scheduled = starts later; expired = ended. */
  period: "current" | "scheduled" | "expired";
}

/** `comparedWith` names the version the changes are relative to (null for a brand-new service). */
export type UploadResult =
  | { ok: true; code: string; version: number; effectiveFrom: string | null; comparedWith: Message | null; changes: CardChange[] }
  | { ok: false; errors: string[]; problems: UploadProblem[] };

/**
 * Why an upload was refused, where: a CSV line, the card as a whole, a setting's path (the whole set failed to
 * compile) or the file. `message` is English (logs, tests); the page shows `detail` under `messages:rateCard.*`.
 */
export type UploadProblem = { at: "line"; line: number; detail: Message } | { at: "card" | "file"; detail: Message } | { at: "path"; path: string; detail: Message };

function refused(problems: Array<UploadProblem & { message: string }>): UploadResult {
  const english = (p: UploadProblem & { message: string }) =>
    p.at === "line" ? `line ${p.line}: ${p.message}` : p.at === "card" ? `card: ${p.message}` : p.at === "path" ? `card: ${p.path}: ${p.message}` : p.message;
  return { ok: false, errors: problems.map(english), problems: problems.map(({ message: _english, ...problem }) => problem as UploadProblem) };
}

const MAX_CSV_BYTES = 512 * 1024;

function periodOf(card: RateCard, now: Date): RateCardSummary["period"] {
  const ms = now.getTime();
  if (card.effectiveFrom && Date.parse(card.effectiveFrom) > ms) return "scheduled";
  if (card.effectiveUntil && Date.parse(card.effectiveUntil) <= ms) return "expired";
  return "current";
}

function summary(card: RateCard, row?: { active: boolean; version: number; uploadedAt: Date }, now = new Date()): RateCardSummary {
  return {
    code: card.code, name: card.name, currency: card.currency, incoterm: card.incoterm, zones: card.zones.length,
    active: row?.active ?? true, sample: !row, version: row?.version ?? null, uploadedAt: row?.uploadedAt.toISOString() ?? null,
    effectiveFrom: card.effectiveFrom, effectiveUntil: card.effectiveUntil, period: periodOf(card, now),
  };
}

/** A version of a card as the review names it: "ACME from 2027-01-01", "ACME (no start date)". */
const versionLabel = (card: RateCard): Message => (card.effectiveFrom
  ? message("messages:rateCard.versionFrom", { code: card.code, from: card.effectiveFrom })
  : message("messages:rateCard.versionOpen", { code: card.code }));

/** Stored CSV was valid when uploaded; a card that no longer parses (engine rules tightened) is reported, not used. */
function parseStored(row: { code: string; csv: string }): RateCard | null {
  const parsed = parseRateCardCsv(row.csv);
  if (parsed.ok) return parsed.card;
  console.error(`[shipping] stored rate card ${row.code} no longer parses: ${parsed.errors.map(describeCsvError).join("; ")}`);
  return null;
}

/** `warehouses`: the warehouse registry's (checkout); the samples where only the cards are being checked. */
export function compileCards(cards: readonly RateCard[], warehouses: readonly Warehouse[] = SAMPLE_WAREHOUSES): CompiledEngine {
  return compileRateEngine({ cards, warehouses, defaultWarehouseCode: SAMPLE_DEFAULT_WAREHOUSE, dutyRules: DEFAULT_DUTY_RULES });
}

/** The cards checkout quotes with: the shop's active cards, or the samples when it has none stored. */
export async function effectiveRateCards(shop: string): Promise<readonly RateCard[]> {
  return (await effectiveRateCardSet(shop)).cards;
}

/** The effective cards plus a version string that changes whenever any of them does (quote-cache keys). */
export async function effectiveRateCardSet(shop: string): Promise<{ cards: readonly RateCard[]; version: string }> {
  const rows = await db.shippingRateCard.findMany({ where: { shop }, orderBy: [{ code: "asc" }, { effectiveFrom: "asc" }] });
  if (rows.length === 0) return { cards: SAMPLE_CARDS, version: "sample" };
  const active = rows.filter((r) => r.active);
  return {
    cards: active.map(parseStored).filter((c): c is RateCard => c !== null),
    version: active.map((r) => `${r.code}${r.effectiveFrom ? `~${r.effectiveFrom}` : ""}@${r.version}`).join(","),
  };
}

export async function listRateCards(shop: string, now = new Date()): Promise<RateCardSummary[]> {
  const rows = await db.shippingRateCard.findMany({ where: { shop }, orderBy: [{ code: "asc" }, { effectiveFrom: "asc" }] });
  if (rows.length === 0) return SAMPLE_CARDS.map((c) => summary(c, undefined, now));
  return rows.flatMap((row) => {
    const card = parseStored(row);
    return card ? [summary(card, row, now)] : [];
  });
}

/** The version a new upload is reviewed against: the same version being replaced, else the one in force, else the latest. */
function previousVersion(versions: readonly RateCard[], card: RateCard, now: Date): RateCard | null {
  const same = versions.find((v) => (v.effectiveFrom ?? "") === (card.effectiveFrom ?? ""));
  if (same) return same;
  return versions.find((v) => periodOf(v, now) === "current") ?? versions.at(-1) ?? null;
}

export async function uploadRateCard(shop: string, csv: string, now = new Date()): Promise<UploadResult> {
  if (Buffer.byteLength(csv, "utf8") > MAX_CSV_BYTES) return refused([{ at: "file", ...englishMessage("messages:rateCard.tooLarge", { kb: MAX_CSV_BYTES / 1024 }) }]);
  const parsed = parseRateCardCsv(csv);
  if (!parsed.ok) return refused(parsed.errors.map((e) => (e.line === null ? { at: "card", message: e.message, detail: e.detail } : { at: "line", line: e.line, message: e.message, detail: e.detail })));
  const card = parsed.card;
  const effectiveFrom = card.effectiveFrom ?? "";
  // The whole set must still compile (codes unique, versions of a code not overlapping) before anything is stored.
  const rows = await db.shippingRateCard.findMany({ where: { shop }, orderBy: { effectiveFrom: "asc" } });
  const isReplaced = (r: { code: string; effectiveFrom: string }) => r.code === card.code && r.effectiveFrom === effectiveFrom;
  const others = rows.filter((r) => r.active && !isReplaced(r)).map(parseStored).filter((c): c is RateCard => c !== null);
  try {
    compileCards([...others, card]);
  } catch (error) {
    if (error instanceof RateCardError) return refused(error.issues.map((i) => ({ at: "path", path: i.path, message: i.message, detail: i.detail })));
    throw error;
  }
  const versions = rows.filter((r) => r.code === card.code).map(parseStored).filter((c): c is RateCard => c !== null);
  const previous = previousVersion(versions, card, now);
  const row = await db.shippingRateCard.upsert({
    where: { shop_code_effectiveFrom: { shop, code: card.code, effectiveFrom } },
    create: { shop, code: card.code, effectiveFrom, name: card.name, csv },
    update: { name: card.name, csv, active: true, version: { increment: 1 }, uploadedAt: new Date() },
  });
  invalidateShopRateContext(shop);
  await queueCheckoutReachSync(shop);
  await enqueueRestrictionsWrite(shop); // the restricted-items Function's metafields follow the cards
  return {
    ok: true, code: row.code, version: row.version, effectiveFrom: card.effectiveFrom,
    comparedWith: previous ? versionLabel(previous) : null, changes: previous ? diffRateCards(previous, card) : [],
  };
}

export async function setRateCardActive(shop: string, code: string, active: boolean): Promise<boolean> {
  const { count } = await db.shippingRateCard.updateMany({ where: { shop, code }, data: { active } });
  invalidateShopRateContext(shop);
  if (count) await queueCheckoutReachSync(shop);
  await enqueueRestrictionsWrite(shop); // the restricted-items Function's metafields follow the cards
  return count > 0;
}

/** Deletes every version of `code`, or only the one starting `effectiveFrom` ("" = the version with no start date). */
export async function deleteRateCard(shop: string, code: string, effectiveFrom?: string): Promise<boolean> {
  const { count } = await db.shippingRateCard.deleteMany({ where: { shop, code, ...(effectiveFrom !== undefined ? { effectiveFrom } : {}) } });
  invalidateShopRateContext(shop);
  if (count) await queueCheckoutReachSync(shop);
  await enqueueRestrictionsWrite(shop); // the restricted-items Function's metafields follow the cards
  return count > 0;
}

/** The CSV to download: the merchant's upload as stored (the latest-starting version), or a sample card in the upload format. */
export async function rateCardCsv(shop: string, code: string, effectiveFrom?: string): Promise<string | null> {
  const row = await db.shippingRateCard.findFirst({
    where: { shop, code, ...(effectiveFrom !== undefined ? { effectiveFrom } : {}) }, orderBy: { effectiveFrom: "desc" },
  });
  if (row) return row.csv;
  const sample = SAMPLE_CARDS.find((c) => c.code === code);
  return sample ? serializeRateCardCsv(sample) : null;
}
