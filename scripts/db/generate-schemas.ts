// Writes prisma/{sqlite,postgresql}/schema.prisma from the source schema in prisma/models.
import fs from "node:fs";
import { PROVIDERS, providerDir, renderSchema, schemaPath } from "./providers";

for (const provider of PROVIDERS) {
  fs.mkdirSync(providerDir(provider), { recursive: true });
  fs.writeFileSync(schemaPath(provider), renderSchema(provider));
  console.log(`wrote ${schemaPath(provider)}`);
}
