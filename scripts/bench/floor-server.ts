/**
 * The carrier-service bench's "floor": the least any server can do and still answer Shopify's rate callback safely.
 * It reads the body, verifies its HMAC, parses its JSON and sends a fixed answer with the headers the app's fast path
 * sends, batched as the fast path batches them (app/server/event-loop.ts); it quotes nothing. Fed the same distinct
 * carts as the app, its throughput is the ceiling of any quote path on this machine, so the bench can print how much
 * of the gap to bare node:http the quote itself accounts for (ADR 0720, "Eighth round"). Bare node:http skips all
 * three steps, so bare is not reachable by a verifying server.
 */
import crypto from "node:crypto";
import type { RequestListener } from "node:http";
import { SECURITY_HEADERS } from "../../app/server/http/security-headers";
import { writeAfterPoll } from "../../app/server/event-loop";

export interface FloorOptions {
  /** The app secret the requests are signed with (the app verifies with the same KeyObject form). */
  readonly secret: string;
  /** The answer sent to every valid request: the app's own answer to a real cart, so the bytes written match. */
  readonly answer: () => string;
}

const JSON_HEAD = { "Content-Type": "application/json; charset=utf-8" };

/** A listener that answers 200 with the fixed answer to a signed, parseable rate request, 401 or 400 otherwise. */
export function floorListener({ secret, answer }: FloorOptions): RequestListener {
  const key = crypto.createSecretKey(Buffer.from(secret, "utf8"));
  const refuse = (status: number, message: string) => ({ status, body: JSON.stringify({ error: message }) });
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.once("end", () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
      const expected = crypto.createHmac("sha256", key).update(body).digest();
      let out = { status: 200, body: answer() };
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) out = refuse(401, "Invalid HMAC");
      else {
        try {
          const parsed = JSON.parse(body.toString("utf8")) as { rate?: { items?: unknown } };
          if (!Array.isArray(parsed?.rate?.items)) out = refuse(400, "rate.items: Required");
        } catch {
          out = refuse(400, "body is not valid JSON");
        }
      }
      writeAfterPoll(() => res.writeHead(out.status, { ...JSON_HEAD, "Content-Length": Buffer.byteLength(out.body), ...SECURITY_HEADERS }).end(out.body, "utf8"));
    });
  };
}
