import { defineConfig } from "vitest/config";
import path from "node:path";

// The suite runs on SQLite by default and on PostgreSQL when DATABASE_URL says so (CI runs both).
// Each run gets its own SQLite file so parallel runs on one machine never share a database.
process.env.DATABASE_URL ||= `file:./.data/test-${process.pid}.db`;

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "extensions/**/*.test.ts"],
    environment: "node",
    env: { DATABASE_URL: process.env.DATABASE_URL },
    globalSetup: ["./app/test/global-setup.ts"],
    setupFiles: ["./app/test/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Tests share one database per run; files that touch it clean up their own shops.
    fileParallelism: true,
  },
});
