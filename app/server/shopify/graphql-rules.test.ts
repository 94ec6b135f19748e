import { Kind, parse, visit, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "./admin-schema";
import { appGraphqlDocuments } from "./app-documents";
import { ruleLikeDescriptions, usedCoordinates } from "../../emulator/rules/description-scan";
import { ruleCoordinates, schemaRules } from "../../emulator/rules/table";
import { SKIPPED } from "../../emulator/rules/skipped";

const documents = appGraphqlDocuments();

describe("rules in the 2026-10 descriptions of what the app's documents use", () => {
  const hits = ruleLikeDescriptions(usedCoordinates(adminSchema(), documents.map((d) => d.document)));

  it("finds rule-like sentences to check (so the scan itself can fail)", () => {
    expect(hits.get("InventoryQuantityInput.changeFromQuantity")).toBe("mandatory");
    expect(hits.size).toBeGreaterThan(10);
  });

  it("has a rule in the emulator's table, or a written reason to skip it, for every one", () => {
    const covered = ruleCoordinates();
    const unaccounted = [...hits].filter(([c]) => !covered.has(c) && !SKIPPED[c]).map(([c, phrase]) => `${c} (${phrase})`);
    expect(unaccounted).toEqual([]);
  });
});

function idempotentFields(document: DocumentNode): Array<{ field: string; keyed: boolean }> {
  const out: Array<{ field: string; keyed: boolean }> = [];
  visit(document, {
    OperationDefinition(op) {
      if (op.operation !== "mutation") return false;
      for (const s of op.selectionSet.selections) {
        if (s.kind === Kind.FIELD) out.push({ field: s.name.value, keyed: !!s.directives?.some((d) => d.name.value === "idempotent") });
      }
      return false;
    },
  });
  return out;
}

describe("@idempotent on the app's mutations", () => {
  const required = new Set(schemaRules().filter((r) => r.kind === "idempotency").map((r) => r.coordinates[0]!.slice("Mutation.".length)));
  const calls = documents.flatMap((d) => idempotentFields(parse(d.document)).map((f) => ({ ...f, file: d.file })));

  it("carries a key on every mutation whose description requires @idempotent", () => {
    expect(calls.some((c) => required.has(c.field))).toBe(true);
    expect(calls.filter((c) => required.has(c.field) && !c.keyed).map((c) => `${c.file}: ${c.field}`)).toEqual([]);
  });

  it("puts @idempotent only where Shopify supports it", () => {
    expect(calls.filter((c) => c.keyed && !required.has(c.field)).map((c) => `${c.file}: ${c.field}`)).toEqual([]);
  });
});
