import crypto from "node:crypto";

const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/** A session token (id_token) exactly as Shopify admin / App Bridge would mint it for this app. */
export function sessionToken({
  shop,
  apiKey = process.env.SHOPIFY_API_KEY!,
  secret = process.env.SHOPIFY_API_SECRET!,
  userId = "42",
  expiresInSeconds = 60,
  now = Math.floor(Date.now() / 1000),
}: {
  shop: string;
  apiKey?: string;
  secret?: string;
  userId?: string;
  expiresInSeconds?: number;
  now?: number;
}): string {
  const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64url(
    JSON.stringify({
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: apiKey,
      sub: userId,
      exp: now + expiresInSeconds,
      nbf: now - 5,
      iat: now - 5,
      jti: crypto.randomUUID(),
      sid: crypto.randomUUID(),
    }),
  );
  const signature = b64url(crypto.createHmac("sha256", secret).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}

export function embeddedUrl(path: string, shop: string, token?: string): string {
  const url = new URL(path, process.env.SHOPIFY_APP_URL);
  url.searchParams.set("shop", shop);
  url.searchParams.set("host", Buffer.from(`${shop}/admin`).toString("base64url"));
  url.searchParams.set("embedded", "1");
  if (token) url.searchParams.set("id_token", token);
  return url.toString();
}
