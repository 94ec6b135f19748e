-- CreateTable
CREATE TABLE "FulfillmentSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL DEFAULT 'review',
    "maxSupplierCostMinor" INTEGER,
    "maxSupplierCostCurrency" TEXT NOT NULL DEFAULT 'CNY',
    "marginFloorBps" INTEGER,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT true,
    "cnyPerShopUnit" REAL NOT NULL DEFAULT 7.1,
    "noTrackingDays" INTEGER NOT NULL DEFAULT 7,
    "noMovementHours" INTEGER NOT NULL DEFAULT 48,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FulfillmentWarehouse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "serviceGid" TEXT NOT NULL,
    "locationGid" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SupplierOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "fulfillmentOrderGid" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "warehouse" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lines" JSONB NOT NULL,
    "shipTo" JSONB,
    "currency" TEXT NOT NULL,
    "revenueMinor" INTEGER NOT NULL,
    "costMinor" INTEGER,
    "costCurrency" TEXT,
    "supplierOrderId" TEXT,
    "supplierStatus" TEXT,
    "approvedAt" DATETIME,
    "cancelRequestedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "reasonCode" TEXT,
    "reasonMessage" TEXT,
    "fixHint" TEXT,
    "fulfillmentGid" TEXT,
    "trackingNumbers" JSONB,
    "carrier" TEXT,
    "trackingUrl" TEXT,
    "placedAt" DATETIME,
    "shippedAt" DATETIME,
    "deliveredAt" DATETIME,
    "lastMovementAt" DATETIME,
    "flagCode" TEXT,
    "flaggedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SupplierOrderEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "supplierOrderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT,
    "message" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SupplierOrderEvent_supplierOrderId_fkey" FOREIGN KEY ("supplierOrderId") REFERENCES "SupplierOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackingEventPost" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "supplierOrderId" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "shopifyStatus" TEXT,
    "message" TEXT NOT NULL,
    "happenedAt" DATETIME NOT NULL,
    "postedAt" DATETIME,
    CONSTRAINT "TrackingEventPost_supplierOrderId_fkey" FOREIGN KEY ("supplierOrderId") REFERENCES "SupplierOrder" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FulfillmentWarehouse_shop_code_key" ON "FulfillmentWarehouse"("shop", "code");

-- CreateIndex
CREATE UNIQUE INDEX "FulfillmentWarehouse_shop_locationGid_key" ON "FulfillmentWarehouse"("shop", "locationGid");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierOrder_idempotencyKey_key" ON "SupplierOrder"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SupplierOrder_shop_state_idx" ON "SupplierOrder"("shop", "state");

-- CreateIndex
CREATE INDEX "SupplierOrder_shop_orderGid_idx" ON "SupplierOrder"("shop", "orderGid");

-- CreateIndex
CREATE INDEX "SupplierOrder_state_nextAttemptAt_idx" ON "SupplierOrder"("state", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupplierOrder_shop_fulfillmentOrderGid_supplier_warehouse_key" ON "SupplierOrder"("shop", "fulfillmentOrderGid", "supplier", "warehouse");

-- CreateIndex
CREATE INDEX "SupplierOrderEvent_supplierOrderId_at_idx" ON "SupplierOrderEvent"("supplierOrderId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "TrackingEventPost_supplierOrderId_eventKey_key" ON "TrackingEventPost"("supplierOrderId", "eventKey");

