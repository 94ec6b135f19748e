-- DropIndex
DROP INDEX "ComplianceRequest_shop_idx";

-- AlterTable
ALTER TABLE "ComplianceRequest" ADD COLUMN "answeredAt" DATETIME;
ALTER TABLE "ComplianceRequest" ADD COLUMN "erasedAt" DATETIME;
ALTER TABLE "ComplianceRequest" ADD COLUMN "erasedBy" TEXT;
ALTER TABLE "ComplianceRequest" ADD COLUMN "orderGids" JSONB;
ALTER TABLE "ComplianceRequest" ADD COLUMN "webhookId" TEXT;

-- CreateTable
CREATE TABLE "RedactionMarker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "gid" TEXT NOT NULL,
    "redactedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShopOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderGid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerGid" TEXT,
    "phone" TEXT,
    "shippingAddress" JSONB,
    "lineItems" JSONB NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "redactedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ShopOrder" ("cancelledAt", "createdAt", "currency", "customerGid", "id", "lineItems", "name", "orderGid", "phone", "redactedAt", "shippingAddress", "shop", "totalMinor", "updatedAt") SELECT "cancelledAt", "createdAt", "currency", "customerGid", "id", "lineItems", "name", "orderGid", "phone", "redactedAt", "shippingAddress", "shop", "totalMinor", "updatedAt" FROM "ShopOrder";
DROP TABLE "ShopOrder";
ALTER TABLE "new_ShopOrder" RENAME TO "ShopOrder";
CREATE INDEX "ShopOrder_shop_customerGid_idx" ON "ShopOrder"("shop", "customerGid");
CREATE UNIQUE INDEX "ShopOrder_shop_orderGid_key" ON "ShopOrder"("shop", "orderGid");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "RedactionMarker_shop_gid_key" ON "RedactionMarker"("shop", "gid");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceRequest_webhookId_key" ON "ComplianceRequest"("webhookId");

-- CreateIndex
CREATE INDEX "ComplianceRequest_shop_topic_createdAt_idx" ON "ComplianceRequest"("shop", "topic", "createdAt");

