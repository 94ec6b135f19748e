import { describe, expect, it } from "vitest";
import { addDocumentResponseHeaders } from "../../shopify.server";
import { loader as loginLoader } from "../../routes/auth.login/route";

const documentHeaders = (url: string, headers: Record<string, string> = {}) => {
  const out = new Headers();
  addDocumentResponseHeaders(new Request(url, { headers }), out);
  return out;
};

describe("document security headers", () => {
  it("lets only Shopify's admin frame /auth/login, which names no shop", () => {
    const csp = documentHeaders(`${process.env.SHOPIFY_APP_URL}/auth/login`).get("content-security-policy") ?? "";
    expect(csp).toMatch(/^frame-ancestors /);
    expect(csp).toContain("https://admin.shopify.com");
    expect(csp).not.toContain("*;");
  });

  it("lets the shop's own admin frame an embedded page, and nobody else", () => {
    const csp = documentHeaders(`${process.env.SHOPIFY_APP_URL}/app?shop=mine.myshopify.com`).get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors https://mine.myshopify.com https://admin.shopify.com");
  });

  it("sends nosniff and a referrer policy on documents, and HSTS only behind TLS", () => {
    const plain = documentHeaders(`http://127.0.0.1/app?shop=mine.myshopify.com`);
    expect(plain.get("x-content-type-options")).toBe("nosniff");
    expect(plain.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(plain.get("strict-transport-security")).toBeNull();
    expect(documentHeaders(`https://app.example.com/app`).get("strict-transport-security")).toMatch(/max-age=/);
    expect(documentHeaders(`http://10.0.0.1/app`, { "x-forwarded-proto": "https" }).get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("answers HEAD /auth/login like GET instead of failing to read a form", async () => {
    const response = await loginLoader({ request: new Request(`${process.env.SHOPIFY_APP_URL}/auth/login`, { method: "HEAD" }), params: {}, context: {} });
    expect(response.status).toBe(200);
  });
});
