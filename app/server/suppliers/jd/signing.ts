import { createHash } from "node:crypto";

export const md5Hex = (text: string): string => createHash("md5").update(text, "utf8").digest("hex");

/** JD wants Beijing wall-clock time (UTC+8) as "yyyy-MM-dd HH:mm:ss", whatever the server's zone. */
export function formatJdTimestamp(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export interface VopTokenSignInput {
  clientId: string;
  clientSecret: string;
  username: string;
  /** MD5 (lower-case hex) of the plain password, as JD expects it on the wire too. */
  passwordMd5: string;
  grantType: string;
  scope: string;
  timestamp: string;
}

/** VOP token sign: upper-case MD5 over a FIXED field order, wrapped in the client secret (not sorted like JOS). */
export function signVopTokenRequest(i: VopTokenSignInput): string {
  return md5Hex(i.clientSecret + i.timestamp + i.clientId + i.username + i.passwordMd5 + i.grantType + i.scope + i.clientSecret).toUpperCase();
}

/** JOS router sign: all params except `sign`, sorted by name, concatenated name+value, secret-wrapped, MD5, upper-case. */
export function signJosRequest(params: Readonly<Record<string, string>>, appSecret: string): string {
  const body = Object.keys(params).filter((k) => k !== "sign").sort().map((k) => k + params[k]).join("");
  return md5Hex(appSecret + body + appSecret).toUpperCase();
}
