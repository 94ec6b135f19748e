-- CreateTable
CREATE TABLE "SupplierTrackingScan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "location" TEXT,
    "happenedAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SupplierTrackingScan_shop_supplier_trackingNumber_idx" ON "SupplierTrackingScan"("shop", "supplier", "trackingNumber");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierTrackingScan_shop_supplier_trackingNumber_eventKey_key" ON "SupplierTrackingScan"("shop", "supplier", "trackingNumber", "eventKey");

