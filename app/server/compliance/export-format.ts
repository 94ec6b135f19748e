// A data request's export as files the merchant can hand to the customer: JSON as stored, and a flat CSV
// (one row per field) that opens in any spreadsheet.

export type ExportData = Record<string, unknown>;

export function exportJson(data: ExportData): string {
  return JSON.stringify(data, null, 2);
}

/**
 * A cell a spreadsheet would read as a formula (= + - @, and tab or CR which some apps strip first) gets a
 * leading apostrophe, the OWASP "CSV injection" remedy: the customer's own address must never run as code.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of section, record number, field path and value; nested objects and arrays are walked to their leaves. */
export function exportCsv(data: ExportData): string {
  const rows: string[][] = [["section", "record", "field", "value"]];
  for (const [section, records] of Object.entries(data)) {
    const list = Array.isArray(records) ? records : [records];
    list.forEach((record, index) => {
      for (const [field, value] of leaves(record, "")) rows.push([section, String(index + 1), field, value]);
    });
  }
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function leaves(value: unknown, path: string): Array<[string, string]> {
  if (value === null || value === undefined) return [[path, ""]];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [[path, ""]];
    return entries.flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, String(value)]];
}
