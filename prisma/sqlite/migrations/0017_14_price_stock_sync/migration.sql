-- CreateTable
CREATE TABLE "ProductSyncState" (
    "shop" TEXT NOT NULL,
    "productGid" TEXT NOT NULL,
    "pushedStatus" TEXT,
    "draftedBy" TEXT,
    "policy" JSONB,
    "lastSyncedAt" DATETIME,
    "lastChangedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "productGid")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "productGid" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "checked" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SyncChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "runId" TEXT,
    "mappingId" TEXT NOT NULL,
    "productGid" TEXT NOT NULL,
    "variantGid" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "locationGid" TEXT,
    "fromValue" TEXT,
    "toValue" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SyncAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "productGid" TEXT,
    "variantGid" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SupplierChangeEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "supplierSku" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SourcingSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "pricingRules" JSONB NOT NULL,
    "autoPriceSync" BOOLEAN NOT NULL DEFAULT false,
    "stockSync" BOOLEAN NOT NULL DEFAULT true,
    "locationGid" TEXT,
    "publicationGids" JSONB,
    "syncIntervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "syncPolicy" JSONB,
    "lastScheduledSyncAt" DATETIME,
    "lastReconciledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SourcingSettings" ("autoPriceSync", "locationGid", "pricingRules", "publicationGids", "shop", "stockSync", "updatedAt") SELECT "autoPriceSync", "locationGid", "pricingRules", "publicationGids", "shop", "stockSync", "updatedAt" FROM "SourcingSettings";
DROP TABLE "SourcingSettings";
ALTER TABLE "new_SourcingSettings" RENAME TO "SourcingSettings";
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
    "pushedPriceMinor" INTEGER,
    "pushedCompareAtMinor" INTEGER,
    "pushedCurrency" TEXT,
    "pushedStock" JSONB,
    "pushedInventoryPolicy" TEXT,
    "supplierState" TEXT NOT NULL DEFAULT 'ok',
    "supplierReadAt" DATETIME,
    "lastChangedAt" DATETIME,
    "priceLock" TEXT,
    "stockLock" TEXT,
    "lockedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_VariantMapping" ("autoPrice", "backupProductId", "backupSku", "backupSupplier", "barcode", "costCurrency", "costMinor", "createdAt", "flags", "heightMm", "hsCode", "id", "inventoryItemGid", "lastSyncedAt", "lengthMm", "originCountry", "productGid", "shop", "shopifySku", "source", "stock", "supplier", "supplierProductId", "supplierSku", "syncError", "updatedAt", "variantGid", "weightGrams", "widthMm") SELECT "autoPrice", "backupProductId", "backupSku", "backupSupplier", "barcode", "costCurrency", "costMinor", "createdAt", "flags", "heightMm", "hsCode", "id", "inventoryItemGid", "lastSyncedAt", "lengthMm", "originCountry", "productGid", "shop", "shopifySku", "source", "stock", "supplier", "supplierProductId", "supplierSku", "syncError", "updatedAt", "variantGid", "weightGrams", "widthMm" FROM "VariantMapping";
DROP TABLE "VariantMapping";
ALTER TABLE "new_VariantMapping" RENAME TO "VariantMapping";
CREATE INDEX "VariantMapping_shop_shopifySku_idx" ON "VariantMapping"("shop", "shopifySku");
CREATE INDEX "VariantMapping_shop_supplier_supplierSku_idx" ON "VariantMapping"("shop", "supplier", "supplierSku");
CREATE INDEX "VariantMapping_shop_productGid_idx" ON "VariantMapping"("shop", "productGid");
CREATE INDEX "VariantMapping_shop_inventoryItemGid_idx" ON "VariantMapping"("shop", "inventoryItemGid");
CREATE UNIQUE INDEX "VariantMapping_shop_variantGid_key" ON "VariantMapping"("shop", "variantGid");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SyncRun_shop_startedAt_idx" ON "SyncRun"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "SyncChange_shop_status_idx" ON "SyncChange"("shop", "status");

-- CreateIndex
CREATE INDEX "SyncChange_shop_productGid_createdAt_idx" ON "SyncChange"("shop", "productGid", "createdAt");

-- CreateIndex
CREATE INDEX "SyncAlert_shop_resolvedAt_idx" ON "SyncAlert"("shop", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncAlert_shop_key_key" ON "SyncAlert"("shop", "key");

-- CreateIndex
CREATE INDEX "SupplierChangeEvent_shop_appliedAt_idx" ON "SupplierChangeEvent"("shop", "appliedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierChangeEvent_shop_supplier_eventKey_key" ON "SupplierChangeEvent"("shop", "supplier", "eventKey");

