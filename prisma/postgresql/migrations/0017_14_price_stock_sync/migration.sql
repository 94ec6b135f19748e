-- AlterTable
ALTER TABLE "SourcingSettings" ADD COLUMN     "lastReconciledAt" TIMESTAMP(3),
ADD COLUMN     "lastScheduledSyncAt" TIMESTAMP(3),
ADD COLUMN     "syncIntervalMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "syncPolicy" JSONB;

-- AlterTable
ALTER TABLE "VariantMapping" ADD COLUMN     "lastChangedAt" TIMESTAMP(3),
ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "priceLock" TEXT,
ADD COLUMN     "pushedCompareAtMinor" INTEGER,
ADD COLUMN     "pushedCurrency" TEXT,
ADD COLUMN     "pushedInventoryPolicy" TEXT,
ADD COLUMN     "pushedPriceMinor" INTEGER,
ADD COLUMN     "pushedStock" JSONB,
ADD COLUMN     "stockLock" TEXT,
ADD COLUMN     "supplierReadAt" TIMESTAMP(3),
ADD COLUMN     "supplierState" TEXT NOT NULL DEFAULT 'ok';

-- CreateTable
CREATE TABLE "ProductSyncState" (
    "shop" TEXT NOT NULL,
    "productGid" TEXT NOT NULL,
    "pushedStatus" TEXT,
    "draftedBy" TEXT,
    "policy" JSONB,
    "lastSyncedAt" TIMESTAMP(3),
    "lastChangedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductSyncState_pkey" PRIMARY KEY ("shop","productGid")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "productGid" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "checked" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncChange" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "SyncChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncAlert" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "productGid" TEXT,
    "variantGid" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "SyncAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupplierChangeEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "supplierSku" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "SupplierChangeEvent_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "VariantMapping_shop_inventoryItemGid_idx" ON "VariantMapping"("shop", "inventoryItemGid");

