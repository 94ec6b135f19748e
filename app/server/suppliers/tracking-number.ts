// UPU S10: 2 letters + 8-digit serial + check digit + ISO country; weights per the UPU standard.
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const RESERVED_FIRST_LETTERS = new Set(["J", "K", "S", "T", "W"]);

export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new Error(`S10 serial must be 8 digits, got "${serial}"`);
  const sum = S10_WEIGHTS.reduce((acc, w, i) => acc + w * Number(serial[i]), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

export function buildS10(service: string, serial: string, country: string): string {
  if (!/^[A-Z]{2}$/.test(service) || RESERVED_FIRST_LETTERS.has(service[0]!)) {
    throw new Error(`Invalid S10 service indicator "${service}"`);
  }
  if (!/^[A-Z]{2}$/.test(country)) throw new Error(`Invalid S10 country "${country}"`);
  return `${service}${serial}${s10CheckDigit(serial)}${country}`;
}

export function isValidS10(value: string): boolean {
  const match = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(value);
  if (!match || RESERVED_FIRST_LETTERS.has(match[1]![0]!)) return false;
  return s10CheckDigit(match[2]!) === Number(match[3]);
}
