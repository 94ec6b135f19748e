import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Clock } from "../clock";

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** App Bridge session token: HS256 JWT signed with the app secret, `aud` = api key, `dest` = https://<shop>. */
export function signSessionToken(opts: { apiKey: string; apiSecret: string; shop: string; userId?: string | number; clock?: Clock; ttlSeconds?: number }): string {
  const now = Math.floor((opts.clock?.now() ?? Date.now()) / 1000);
  const payload = {
    iss: `https://${opts.shop}/admin`,
    dest: `https://${opts.shop}`,
    aud: opts.apiKey,
    sub: String(opts.userId ?? 42),
    exp: now + (opts.ttlSeconds ?? 60),
    nbf: now,
    iat: now,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(payload));
  const signature = createHmac("sha256", opts.apiSecret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${signature}`;
}

export type JwtCheck = { ok: true; payload: Record<string, unknown> } | { ok: false; reason: string };

const CLOCK_TOLERANCE_S = 10;

export function verifySessionToken(token: string, opts: { apiKey: string; apiSecret: string; shop: string; clock: Clock }): JwtCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed token" };
  const [head, body, signature] = parts as [string, string, string];
  const expected = createHmac("sha256", opts.apiSecret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature verification failed" };
  let payload: Record<string, unknown>;
  try {
    const header = JSON.parse(Buffer.from(head, "base64url").toString("utf8")) as { alg?: string };
    if (header.alg !== "HS256") return { ok: false, reason: "unsupported algorithm" };
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  const now = opts.clock.now() / 1000;
  if (typeof payload.exp === "number" && payload.exp + CLOCK_TOLERANCE_S < now) return { ok: false, reason: "token expired" };
  if (typeof payload.nbf === "number" && payload.nbf - CLOCK_TOLERANCE_S > now) return { ok: false, reason: "token not yet valid" };
  if (payload.aud !== opts.apiKey) return { ok: false, reason: "audience mismatch" };
  if (payload.dest !== `https://${opts.shop}`) return { ok: false, reason: "destination mismatch" };
  return { ok: true, payload };
}
