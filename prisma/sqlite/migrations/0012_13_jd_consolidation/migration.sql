-- CreateTable
CREATE TABLE "ConsolidationWarehouse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "cityId" INTEGER NOT NULL,
    "countyId" INTEGER NOT NULL,
    "townId" INTEGER NOT NULL DEFAULT 0,
    "areaLabel" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ForwarderParcel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "supplierOrderId" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "handedOverAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "JdMessageInbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "type" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" DATETIME,
    "ackedAt" DATETIME,
    "error" TEXT
);

-- CreateIndex
CREATE INDEX "ConsolidationWarehouse_shop_idx" ON "ConsolidationWarehouse"("shop");

-- CreateIndex
CREATE INDEX "ForwarderParcel_shop_idx" ON "ForwarderParcel"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "ForwarderParcel_supplierOrderId_trackingNumber_key" ON "ForwarderParcel"("supplierOrderId", "trackingNumber");

-- CreateIndex
CREATE INDEX "JdMessageInbox_shop_appliedAt_idx" ON "JdMessageInbox"("shop", "appliedAt");

-- CreateIndex
CREATE UNIQUE INDEX "JdMessageInbox_shop_messageId_key" ON "JdMessageInbox"("shop", "messageId");

