-- AlterTable
ALTER TABLE "VariantMapping" ADD COLUMN     "autoPrice" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "inventoryItemGid" TEXT,
ADD COLUMN     "lastSyncedAt" TIMESTAMP(3),
ADD COLUMN     "syncError" TEXT;

-- CreateTable
CREATE TABLE "SourcingSettings" (
    "shop" TEXT NOT NULL,
    "pricingRules" JSONB NOT NULL,
    "autoPriceSync" BOOLEAN NOT NULL DEFAULT false,
    "stockSync" BOOLEAN NOT NULL DEFAULT true,
    "locationGid" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourcingSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ImportItem" (
    "id" TEXT NOT NULL,
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
    "pushedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "bulkOperationGid" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJobItem" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "importItemId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "productGid" TEXT,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportJobItem_pkey" PRIMARY KEY ("id")
);

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

