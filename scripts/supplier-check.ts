// `npm run --silent supplier:check -- --supplier <sandbox|cj|jd> --base-url <url> [--credentials <json file>]`
// Runs authenticate, search, product, stock, freight, place-order, place-order-again, order-status, tracking and cancel
// against any server speaking the supplier's API (the real one or an emulator); exits non-zero on any failure.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CHECK_TARGETS } from "../app/server/suppliers/check/check-targets";
import { checkSummary, formatCheckLine, runSupplierCheck } from "../app/server/suppliers/check/check-scenarios";
import type { SupplierCode } from "../app/server/suppliers/supplier-models";

const { values } = parseArgs({ options: { supplier: { type: "string" }, "base-url": { type: "string" }, credentials: { type: "string" } } });
const target = CHECK_TARGETS[values.supplier as SupplierCode];
if (!target || !values["base-url"]) {
  console.error(`usage: supplier:check -- --supplier <${Object.keys(CHECK_TARGETS).join("|")}> --base-url <url> [--credentials <json file>]`);
  process.exit(2);
}
let credentials = target.defaultCredentials ?? {};
if (values.credentials) {
  try {
    credentials = JSON.parse(readFileSync(values.credentials, "utf8")) as Record<string, unknown>;
  } catch (error) {
    console.error(`cannot read credentials from ${values.credentials}: ${(error as Error).message}`);
    process.exit(2);
  }
}
let adapter;
try {
  adapter = target.build(values["base-url"], credentials);
} catch (error) {
  console.error((error as Error).message); // names missing fields, never values
  process.exit(2);
}
const lines = await runSupplierCheck(adapter, { keyword: target.keyword, noAuthReason: target.noAuthReason, noFreightReason: target.noFreightReason, shipTo: target.shipTo }, (l) => console.log(formatCheckLine(l)));
console.log(checkSummary(lines));
process.exit(lines.some((l) => l.outcome === "fail") ? 1 : 0);
