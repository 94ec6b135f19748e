import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";

// Types for every #graphql document in app/, generated from the vendored real 2026-10 schema
// (app/graphql/admin_2026-10.json.gz, unpacked to app/types by the setup script).
export default {
  schema: "./app/types/admin-2026-10.schema.json",
  documents: ["./app/**/*.{js,ts,jsx,tsx}", "!./app/types/**", "!./app/emulator/**", "!./app/**/*.test.{ts,tsx}"],
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: "2026-10",
      documents: ["./app/**/*.{js,ts,jsx,tsx}", "!./app/types/**", "!./app/emulator/**", "!./app/**/*.test.{ts,tsx}"],
      outputDir: "./app/types",
    }),
  },
};
