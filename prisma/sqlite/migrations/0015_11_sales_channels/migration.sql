-- AlterTable
ALTER TABLE "SourcingSettings" ADD COLUMN "publicationGids" JSONB;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "publishedTo" TEXT NOT NULL DEFAULT '',
    "pushedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ImportItem" ("collections", "createdAt", "descriptionHtml", "handle", "id", "images", "lastError", "productGid", "productType", "pushedAt", "shop", "snapshot", "status", "supplier", "supplierProductId", "tags", "title", "updatedAt", "variants") SELECT "collections", "createdAt", "descriptionHtml", "handle", "id", "images", "lastError", "productGid", "productType", "pushedAt", "shop", "snapshot", "status", "supplier", "supplierProductId", "tags", "title", "updatedAt", "variants" FROM "ImportItem";
DROP TABLE "ImportItem";
ALTER TABLE "new_ImportItem" RENAME TO "ImportItem";
CREATE INDEX "ImportItem_shop_status_idx" ON "ImportItem"("shop", "status");
CREATE UNIQUE INDEX "ImportItem_shop_supplier_supplierProductId_key" ON "ImportItem"("shop", "supplier", "supplierProductId");
CREATE UNIQUE INDEX "ImportItem_shop_handle_key" ON "ImportItem"("shop", "handle");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

