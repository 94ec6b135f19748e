-- CreateTable
CREATE TABLE "SupplierConnection" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "label" TEXT,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'untested',
    "lastCheckedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupplierConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VariantMapping" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VariantMapping_pkey" PRIMARY KEY ("id")
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

