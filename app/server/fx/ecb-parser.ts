export class EcbParseError extends Error {
  override name = "EcbParseError";
}

/** Parses the ECB daily reference-rate XML (eurofxref-daily.xml) into a date and a rate map. */
export function parseEcbDailyXml(xml: string): { effectiveDate: string; rates: Record<string, number> } {
  const date = /<Cube\s+time=['"](\d{4}-\d{2}-\d{2})['"]/.exec(xml)?.[1];
  if (!date) throw new EcbParseError("The ECB file has no dated Cube element");
  const rates: Record<string, number> = {};
  for (const match of xml.matchAll(/<Cube\s+currency=['"]([A-Z]{3})['"]\s+rate=['"]([0-9.]+)['"]\s*\/>/g)) {
    const rate = Number(match[2]);
    if (!(rate > 0)) throw new EcbParseError(`Rate for ${match[1]} is not a positive number`);
    rates[match[1]!] = rate;
  }
  if (Object.keys(rates).length < 5) throw new EcbParseError("The ECB file lists too few currencies to be real");
  return { effectiveDate: date, rates };
}
