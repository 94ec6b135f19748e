-- CreateTable
CREATE TABLE "SupplierConnection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "label" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'untested',
    "lastCheckedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VariantMapping" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SupplierConnection_shop_supplier_key" ON "SupplierConnection"("shop", "supplier");

-- CreateIndex
CREATE INDEX "VariantMapping_shop_shopifySku_idx" ON "VariantMapping"("shop", "shopifySku");

-- CreateIndex
CREATE INDEX "VariantMapping_shop_supplier_supplierSku_idx" ON "VariantMapping"("shop", "supplier", "supplierSku");

-- CreateIndex
CREATE INDEX "VariantMapping_shop_productGid_idx" ON "VariantMapping"("shop", "productGid");

-- CreateIndex
CREATE UNIQUE INDEX "VariantMapping_shop_variantGid_key" ON "VariantMapping"("shop", "variantGid");

