-- AlterTable
ALTER TABLE "SupplierOrder" ADD COLUMN "buyerServiceCode" TEXT;
ALTER TABLE "SupplierOrder" ADD COLUMN "buyerServiceName" TEXT;
ALTER TABLE "SupplierOrder" ADD COLUMN "logisticBasis" TEXT;
ALTER TABLE "SupplierOrder" ADD COLUMN "logisticName" TEXT;

-- CreateTable
CREATE TABLE "SupplierLogisticMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "logisticName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SupplierLogisticMapping_shop_supplier_serviceCode_key" ON "SupplierLogisticMapping"("shop", "supplier", "serviceCode");

