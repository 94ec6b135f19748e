// The bizapi envelope {success, resultCode, resultMessage, result} (jd-contract.json → envelope).

/** A refusal JD answers inside a 200 envelope: success=false with its resultCode (jd-contract.json → error_codes). */
export class VopError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export interface VopEnvelope {
  success: boolean;
  resultCode: string | null;
  resultMessage: string;
  result: unknown;
}

export const envelope = (result: unknown, resultCode: string | null = "0000", resultMessage = ""): VopEnvelope =>
  ({ success: true, resultCode, resultMessage, result });

export const refusal = (error: VopError): VopEnvelope =>
  ({ success: false, resultCode: error.code, resultMessage: error.message, result: null });

// Codes with their published meaning (JDErrorCode.cs via jd-contract.json → error_codes).
export const paramEmpty = (field: string) => new VopError("1001", `参数为空: ${field}不能为空`);
export const paramFormat = (field: string, hint = "") => new VopError("1002", `参数格式不正确: ${field}${hint}`);
export const paramValue = (field: string, hint = "") => new VopError("1003", `参数值不正确: ${field}${hint}`);

/** Money in fen → JD's decimal number (BigDecimal on the wire: 79.9, 15, 0.16). */
export const yuan = (fen: number): number => Math.round(fen) / 100;

/** JD's "yyyy-MM-dd HH:mm:ss" in Beijing time. */
export function beijingTime(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export function parseBeijingTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h! - 8, mi!, s!);
}

export function requireField(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value.trim() === "") throw paramEmpty(name);
  return value;
}

export function requireInt(params: URLSearchParams, name: string): number {
  const raw = requireField(params, name);
  if (!/^-?\d+$/.test(raw.trim())) throw paramFormat(name, "必须是整数");
  return Number(raw);
}
