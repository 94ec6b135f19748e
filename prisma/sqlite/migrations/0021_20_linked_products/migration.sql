-- AlterTable
ALTER TABLE "VariantMapping" ADD COLUMN "fulfilVia" TEXT;
ALTER TABLE "VariantMapping" ADD COLUMN "linkedWarehouse" TEXT;
ALTER TABLE "VariantMapping" ADD COLUMN "merchantAvailable" INTEGER;
ALTER TABLE "VariantMapping" ADD COLUMN "merchantLocationGid" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FulfillmentSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL DEFAULT 'review',
    "maxSupplierCostMinor" INTEGER,
    "maxSupplierCostCurrency" TEXT NOT NULL DEFAULT 'CNY',
    "marginFloorBps" INTEGER,
    "notifyCustomer" BOOLEAN NOT NULL DEFAULT true,
    "cnyPerShopUnit" REAL NOT NULL DEFAULT 7.1,
    "noTrackingDays" INTEGER NOT NULL DEFAULT 7,
    "noMovementHours" INTEGER NOT NULL DEFAULT 48,
    "linkedMoveWhen" TEXT NOT NULL DEFAULT 'out_of_stock',
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_FulfillmentSettings" ("cnyPerShopUnit", "marginFloorBps", "maxSupplierCostCurrency", "maxSupplierCostMinor", "mode", "noMovementHours", "noTrackingDays", "notifyCustomer", "shop", "updatedAt") SELECT "cnyPerShopUnit", "marginFloorBps", "maxSupplierCostCurrency", "maxSupplierCostMinor", "mode", "noMovementHours", "noTrackingDays", "notifyCustomer", "shop", "updatedAt" FROM "FulfillmentSettings";
DROP TABLE "FulfillmentSettings";
ALTER TABLE "new_FulfillmentSettings" RENAME TO "FulfillmentSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

