import fs from "node:fs";
import path from "node:path";

/** Where tests find the app's GraphQL documents (template literals starting with the graphql marker) (the emulator and tests may hold deliberately odd ones). */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const SKIP = [/\/node_modules\//, /\/app\/types\//, /\/app\/emulator\//, /\.test\.tsx?$/];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx)$/.test(entry.name) && !SKIP.some((re) => re.test(full)) ? [full] : [];
  });
}

export interface AppDocument { file: string; document: string }

export function appGraphqlDocuments(): AppDocument[] {
  return [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "extensions"))].flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/`(\s*#graphql[\s\S]*?)`/g)].map((m) => ({ file: path.relative(ROOT, file), document: m[1]! })),
  );
}
