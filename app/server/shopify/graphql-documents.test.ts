import { Kind, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "./admin-schema";
import { appGraphqlDocuments } from "./app-documents";

describe("every #graphql document in app/ and extensions/", () => {
  const documents = appGraphqlDocuments();

  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [d.file, d.document.slice(0, 60).replace(/\s+/g, " "), d.document]))(
    "%s: %s… validates against the real Admin 2026-10 schema",
    (_file, _head, document) => {
      const errors = validate(adminSchema(), parse(document)).map((e) => e.message);
      expect(errors).toEqual([]);
    },
  );

  it("names every operation, uniquely across the app", () => {
    const names = documents.flatMap(({ document }) =>
      parse(document).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? "(anonymous)"] : [])),
    );
    expect(names).not.toContain("(anonymous)");
    expect(names.length).toBe(new Set(names).size);
  });

  it("rejects a document with a field the schema lacks, so the check can fail", () => {
    const errors = validate(adminSchema(), parse("query silkrouteProbe { shop { noSuchField } }"));
    expect(errors[0]?.message).toMatch(/Cannot query field "noSuchField" on type "Shop"/);
  });
});
