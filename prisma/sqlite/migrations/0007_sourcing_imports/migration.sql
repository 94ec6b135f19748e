-- CreateTable
CREATE TABLE "SourcingSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "pricingRules" JSONB NOT NULL,
    "autoPriceSync" BOOLEAN NOT NULL DEFAULT false,
    "stockSync" BOOLEAN NOT NULL DEFAULT true,
    "locationGid" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImportItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "supplierProductId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "handle" TEXT NOT NULL,
    "productGid" TEXT,
    "title" TEXT NOT NULL,
    "descriptionHtml" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "productType" TEXT NOT NULL DEFAULT '',
    "collections" TEXT NOT NULL DEFAULT '',
    "images" JSONB NOT NULL,
    "variants" JSONB NOT NULL,
    "snapshot" JSONB NOT NULL,
    "lastError" TEXT,
    "pushedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "bulkOperationGid" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ImportJobItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "importItemId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "productGid" TEXT,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VariantMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productGid" TEXT NOT NULL,
    "variantGid" TEXT NOT NULL,
    "shopifySku" TEXT,
    "barcode" TEXT,
    "supplier" TEXT NOT NULL,
    "supplierProductId" TEXT NOT NULL,
    "supplierSku" TEXT NOT NULL,
    "backupSupplier" TEXT,
    "backupProductId" TEXT,
    "backupSku" TEXT,
    "costMinor" INTEGER,
    "costCurrency" TEXT,
    "weightGrams" INTEGER,
    "lengthMm" INTEGER,
    "widthMm" INTEGER,
    "heightMm" INTEGER,
    "hsCode" TEXT,
    "originCountry" TEXT,
    "flags" TEXT NOT NULL DEFAULT '',
    "stock" JSONB,
    "source" TEXT NOT NULL DEFAULT 'import',
    "inventoryItemGid" TEXT,
    "autoPrice" BOOLEAN NOT NULL DEFAULT false,
    "lastSyncedAt" DATETIME,
    "syncError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_VariantMapping" ("backupProductId", "backupSku", "backupSupplier", "barcode", "costCurrency", "costMinor", "createdAt", "flags", "heightMm", "hsCode", "id", "lengthMm", "originCountry", "productGid", "shop", "shopifySku", "source", "stock", "supplier", "supplierProductId", "supplierSku", "updatedAt", "variantGid", "weightGrams", "widthMm") SELECT "backupProductId", "backupSku", "backupSupplier", "barcode", "costCurrency", "costMinor", "createdAt", "flags", "heightMm", "hsCode", "id", "lengthMm", "originCountry", "productGid", "shop", "shopifySku", "source", "stock", "supplier", "supplierProductId", "supplierSku", "updatedAt", "variantGid", "weightGrams", "widthMm" FROM "VariantMapping";
DROP TABLE "VariantMapping";
ALTER TABLE "new_VariantMapping" RENAME TO "VariantMapping";
CREATE INDEX "VariantMapping_shop_shopifySku_idx" ON "VariantMapping"("shop", "shopifySku");
CREATE INDEX "VariantMapping_shop_supplier_supplierSku_idx" ON "VariantMapping"("shop", "supplier", "supplierSku");
CREATE INDEX "VariantMapping_shop_productGid_idx" ON "VariantMapping"("shop", "productGid");
CREATE UNIQUE INDEX "VariantMapping_shop_variantGid_key" ON "VariantMapping"("shop", "variantGid");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ImportItem_shop_status_idx" ON "ImportItem"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ImportItem_shop_supplier_supplierProductId_key" ON "ImportItem"("shop", "supplier", "supplierProductId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportItem_shop_handle_key" ON "ImportItem"("shop", "handle");

-- CreateIndex
CREATE INDEX "ImportJob_shop_createdAt_idx" ON "ImportJob"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_bulkOperationGid_idx" ON "ImportJob"("bulkOperationGid");

-- CreateIndex
CREATE INDEX "ImportJobItem_jobId_status_idx" ON "ImportJobItem"("jobId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ImportJobItem_jobId_importItemId_key" ON "ImportJobItem"("jobId", "importItemId");

