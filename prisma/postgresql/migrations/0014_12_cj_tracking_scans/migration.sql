-- CreateTable
CREATE TABLE "SupplierTrackingScan" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "location" TEXT,
    "happenedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplierTrackingScan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupplierTrackingScan_shop_supplier_trackingNumber_idx" ON "SupplierTrackingScan"("shop", "supplier", "trackingNumber");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierTrackingScan_shop_supplier_trackingNumber_eventKey_key" ON "SupplierTrackingScan"("shop", "supplier", "trackingNumber", "eventKey");

