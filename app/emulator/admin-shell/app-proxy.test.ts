import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signAppProxyQuery } from "./app-proxy";

describe("app proxy signing", () => {
  it("signs the sorted name=value pairs without separators, joining repeated values with commas", () => {
    const signed = signAppProxyQuery(new URLSearchParams("extra=1&extra=2&variant=7"), { shop: "s.myshopify.com", secret: "hush", pathPrefix: "/apps/silkroute", timestamp: 1_317_327_555_000 });
    const message = "extra=1,2logged_in_customer_id=path_prefix=/apps/silkrouteshop=s.myshopify.comtimestamp=1317327555variant=7";
    expect(signed.get("signature")).toBe(createHmac("sha256", "hush").update(message).digest("hex"));
    expect(signed.getAll("extra")).toEqual(["1", "2"]);
  });
});
