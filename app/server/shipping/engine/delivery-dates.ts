/**
 * Delivery-date math on calendar days: dispatch honours the warehouse's cut-off in its own time zone,
 * then handling and transit count business days (Mon–Fri). Dates are emitted at noon in the
 * destination's time zone so no viewer's offset can move them to another day.
 */
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalTime { readonly day: number; readonly minutes: number; readonly offsetMinutes: number }

// formatToParts costs ~10 µs; results depend only on (zone, minute), so memoise them (bounded).
const MEMO_LIMIT = 10_000;
const localMemo = new Map<string, LocalTime>();
const noonMemo = new Map<string, { date: Date; offsetMinutes: number }>();

function memo<T>(map: Map<string, T>, key: string, compute: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    value = compute();
    map.set(key, value);
  }
  return value;
}

/** Local calendar day (days since 1970-01-01), minutes since local midnight, and UTC offset. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const minute = Math.floor(instant.getTime() / 60_000);
  // Nearly every call asks for the current minute: answer it without building a key string.
  const last = lastLocal.get(timeZone);
  if (last?.minute === minute) return last.value;
  const value = memo(localMemo, `${timeZone}|${minute}`, () => computeLocalTime(new Date(minute * 60_000), timeZone));
  lastLocal.set(timeZone, { minute, value });
  return value;
}

const lastLocal = new Map<string, { minute: number; value: LocalTime }>();

function computeLocalTime(instant: Date, timeZone: string): LocalTime {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const localMs = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const offsetMinutes = Math.round((localMs - instant.getTime()) / 60_000);
  return { day: Math.floor(localMs / DAY_MS), minutes: p.hour! * 60 + p.minute!, offsetMinutes };
}

export function isWeekend(day: number): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
}

export function addBusinessDays(day: number, count: number): number {
  let d = day;
  for (let left = count; left > 0; ) {
    d += 1;
    if (!isWeekend(d)) left -= 1;
  }
  return d;
}

/** The day the parcel leaves: today if before cut-off on a business day, else the next business day, plus handling. */
export function dispatchDay(now: Date, timeZone: string, cutoffMinutes: number, handlingDays: number): number {
  const local = localTime(now, timeZone);
  let start = local.day;
  if (isWeekend(start) || local.minutes >= cutoffMinutes) start = addBusinessDays(start, 1);
  return addBusinessDays(start, handlingDays);
}

const isoDateMemo = new Map<string, string>();

// Called for every shipment of every quote; a day has one ISO date, and Date#toISOString allocates.
export function dayToIsoDate(day: number): string {
  return memo(isoDateMemo, String(day), () => new Date(day * DAY_MS).toISOString().slice(0, 10));
}

/** Noon of `day` in `timeZone`, with the offset in force at that instant (DST-safe). */
export function noonIn(day: number, timeZone: string): { date: Date; offsetMinutes: number } {
  const noon = memo(noonMemo, `${timeZone}|${day}`, () => computeNoon(day, timeZone));
  return { date: new Date(noon.date.getTime()), offsetMinutes: noon.offsetMinutes }; // callers may mutate Dates

}

function computeNoon(day: number, timeZone: string): { date: Date; offsetMinutes: number } {
  const guess = day * DAY_MS + 12 * 3_600_000;
  let offset = localTime(new Date(guess), timeZone).offsetMinutes;
  const instant = guess - offset * 60_000;
  offset = localTime(new Date(instant), timeZone).offsetMinutes;
  return { date: new Date(guess - offset * 60_000), offsetMinutes: offset };
}

const shopifyDateMemo = new Map<string, string>();

/** Shopify CarrierService format: "2013-04-12 14:48:45 -0400". Memoised: quotes reuse a handful of noons. */
export function formatShopifyDate(date: Date, offsetMinutes: number): string {
  return memo(shopifyDateMemo, `${date.getTime()}|${offsetMinutes}`, () => computeShopifyDate(date, offsetMinutes));
}

function computeShopifyDate(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${sign}${hhmm}`;
}

/** A representative zone per destination; unknown countries fall back to UTC. */
const DESTINATION_TIME_ZONES: Readonly<Record<string, string>> = {
  US: "America/Chicago", CA: "America/Toronto", MX: "America/Mexico_City", BR: "America/Sao_Paulo",
  GB: "Europe/London", IE: "Europe/Dublin", DE: "Europe/Berlin", FR: "Europe/Paris", ES: "Europe/Madrid",
  IT: "Europe/Rome", NL: "Europe/Amsterdam", BE: "Europe/Brussels", AT: "Europe/Vienna", PL: "Europe/Warsaw",
  SE: "Europe/Stockholm", DK: "Europe/Copenhagen", FI: "Europe/Helsinki", PT: "Europe/Lisbon", CH: "Europe/Zurich",
  NO: "Europe/Oslo", AU: "Australia/Sydney", NZ: "Pacific/Auckland", JP: "Asia/Tokyo", KR: "Asia/Seoul",
  SG: "Asia/Singapore", HK: "Asia/Hong_Kong", CN: "Asia/Shanghai", AE: "Asia/Dubai", IN: "Asia/Kolkata",
};

export function destinationTimeZone(country: string): string {
  return DESTINATION_TIME_ZONES[country] ?? "UTC";
}

export interface DeliveryWindow {
  readonly dispatchDate: string;
  readonly min: Date;
  readonly max: Date;
  readonly minText: string;
  readonly maxText: string;
  readonly minDay: number;
  readonly maxDay: number;
}

// A window depends only on its four arguments (pure calendar math and fixed zone offsets), and a shop quotes a handful
// of (dispatch day, transit, destination) combinations a day: each is computed once and copied out.
const windowMemo = new Map<string, DeliveryWindow>();

export function deliveryWindow(
  dispatch: number, minDays: number, maxDays: number, destinationCountry: string,
): DeliveryWindow {
  const w = memo(windowMemo, `${dispatch}|${minDays}|${maxDays}|${destinationCountry}`, () => computeDeliveryWindow(dispatch, minDays, maxDays, destinationCountry));
  // Callers may mutate Dates, so those are copied; spelled out rather than spread (a spread copies through the runtime).
  return { dispatchDate: w.dispatchDate, min: new Date(w.min.getTime()), max: new Date(w.max.getTime()), minDay: w.minDay, maxDay: w.maxDay, minText: w.minText, maxText: w.maxText };
}

function computeDeliveryWindow(dispatch: number, minDays: number, maxDays: number, destinationCountry: string): DeliveryWindow {
  const tz = destinationTimeZone(destinationCountry);
  const minDay = addBusinessDays(dispatch, minDays);
  const maxDay = addBusinessDays(dispatch, maxDays);
  const min = noonIn(minDay, tz);
  const max = noonIn(maxDay, tz);
  return {
    dispatchDate: dayToIsoDate(dispatch), min: min.date, max: max.date, minDay, maxDay,
    minText: formatShopifyDate(min.date, min.offsetMinutes), maxText: formatShopifyDate(max.date, max.offsetMinutes),
  };
}
