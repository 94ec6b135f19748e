-- CreateTable
CREATE TABLE "RegistryWarehouse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "serves" TEXT NOT NULL DEFAULT '',
    "rateCards" TEXT NOT NULL DEFAULT '',
    "operator" TEXT NOT NULL DEFAULT 'supplier',
    "locationName" TEXT,
    "address" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RegistryWarehouseCode" (
    "supplier" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,

    PRIMARY KEY ("supplier", "code")
);

-- CreateIndex
CREATE INDEX "RegistryWarehouseCode_warehouseId_idx" ON "RegistryWarehouseCode"("warehouseId");


-- Issue 20 data migration: today's supplier codes (app/server/warehouses/registry-seed.ts holds the same rows
-- and the warehouses they name, and adds any that are missing at start-up).
INSERT INTO "RegistryWarehouseCode" ("supplier", "code", "warehouseId") VALUES
  ('sandbox', 'CN-GZ', 'CN-GZ'), ('sandbox', 'CN-SZ', 'CN-SZ'), ('sandbox', 'CN-YW', 'CN-YW'),
  ('sandbox', 'US', 'US-LA'), ('sandbox', 'DE', 'DE-FRA'), ('sandbox', 'UK', 'UK-BHX'),
  ('cj', 'CN', 'CN-SZ'), ('cj', 'US', 'US-LA'), ('cj', 'DE', 'DE-FRA'), ('cj', 'GB', 'UK-BHX'),
  ('jd', 'CN-JD', 'CN-JD');

-- Stock on mappings is keyed by registry id from now on: sandbox US/DE/UK and CJ CN/US/DE/GB become
-- US-LA/DE-FRA/UK-BHX and CN-SZ, while keys that already are registry ids, or that no row knows, stay as they are.
UPDATE "VariantMapping" SET "stock" = (
  SELECT json_group_object(COALESCE(c."warehouseId", j."key"), j."value")
  FROM json_each("VariantMapping"."stock") AS j
  LEFT JOIN "RegistryWarehouseCode" AS c ON c."supplier" = "VariantMapping"."supplier" AND c."code" = j."key"
)
WHERE "stock" IS NOT NULL AND json_type("stock") = 'object' AND EXISTS (
  SELECT 1 FROM json_each("VariantMapping"."stock") AS j
  JOIN "RegistryWarehouseCode" AS c ON c."supplier" = "VariantMapping"."supplier" AND c."code" = j."key" AND c."warehouseId" <> j."key"
);
