import fs from "node:fs";
import path from "node:path";
import { Kind, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "./admin-schema";

const ROOT = path.resolve(import.meta.dirname, "../../..");
// The emulator executes documents rather than sending them; tests may hold deliberately invalid ones.
const SKIP = [/\/node_modules\//, /\/app\/types\//, /\/app\/emulator\//, /\.test\.tsx?$/];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx)$/.test(entry.name) && !SKIP.some((re) => re.test(full)) ? [full] : [];
  });
}

function graphqlDocuments(): Array<{ file: string; document: string }> {
  return [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "extensions"))].flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/`(\s*#graphql[\s\S]*?)`/g)].map((m) => ({ file: path.relative(ROOT, file), document: m[1]! })),
  );
}

describe("every #graphql document in app/ and extensions/", () => {
  const documents = graphqlDocuments();

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
