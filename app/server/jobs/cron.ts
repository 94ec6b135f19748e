// A 5-field cron parser (minute hour day-of-month month day-of-week), evaluated in UTC.
// Small on purpose: numbers, "*", ranges, steps and lists; no names, no seconds, no "L"/"W"/"#".

export interface ParsedCron {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  // Classic cron: when both day fields are restricted, a day matching either one fires.
  domRestricted: boolean;
  dowRestricted: boolean;
}

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

function parseNumber(text: string, field: (typeof FIELDS)[number]): number {
  if (!/^\d+$/.test(text)) throw new Error(`cron ${field.name}: "${text}" is not a number`);
  const value = Number(text);
  if (value < field.min || value > field.max) throw new Error(`cron ${field.name}: ${value} is outside ${field.min}-${field.max}`);
  return value;
}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText, extra] = part.split("/");
    if (range === undefined || range === "" || extra !== undefined) throw new Error(`cron ${field.name}: bad part "${part}"`);
    const step = stepText === undefined ? 1 : parseNumber(stepText, { ...field, min: 1, max: 59 } as never);
    let from: number = field.min;
    let to: number = field.max;
    if (range !== "*") {
      const [a, b] = range.split("-");
      from = parseNumber(a ?? "", field);
      // "5/15" means "from 5 to the end, every 15", as in Vixie cron.
      to = b !== undefined ? parseNumber(b, field) : stepText !== undefined ? field.max : from;
      if (from > to) throw new Error(`cron ${field.name}: range "${range}" runs backwards`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): ParsedCron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${expression}" must have 5 fields, has ${parts.length}`);
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parts.map((p, i) => parseField(p, FIELDS[i]!));
  // 7 is Sunday too.
  if (daysOfWeek!.delete(7)) daysOfWeek!.add(0);
  return {
    minutes: minutes!,
    hours: hours!,
    daysOfMonth: daysOfMonth!,
    months: months!,
    daysOfWeek: daysOfWeek!,
    domRestricted: parts[2] !== "*",
    dowRestricted: parts[4] !== "*",
  };
}

function dayMatches(cron: ParsedCron, t: Date): boolean {
  const dom = cron.daysOfMonth.has(t.getUTCDate());
  const dow = cron.daysOfWeek.has(t.getUTCDay());
  if (cron.domRestricted && cron.dowRestricted) return dom || dow;
  return dom && dow;
}

/** The first minute strictly after `after` that the expression matches. */
export function nextCronTime(expression: string | ParsedCron, after: Date): Date {
  const cron = typeof expression === "string" ? parseCron(expression) : expression;
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // Feb 30 and friends never match; give up after a leap cycle instead of looping forever.
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!cron.months.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(cron, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
    } else if (!cron.hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
    } else if (!cron.minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
    } else {
      return t;
    }
  }
  throw new Error(`cron "${typeof expression === "string" ? expression : "expression"}" never fires`);
}
