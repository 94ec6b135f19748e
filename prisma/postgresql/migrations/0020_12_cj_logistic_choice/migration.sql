-- AlterTable
ALTER TABLE "SupplierOrder" ADD COLUMN     "buyerServiceCode" TEXT,
ADD COLUMN     "buyerServiceName" TEXT,
ADD COLUMN     "logisticBasis" TEXT,
ADD COLUMN     "logisticName" TEXT;

-- CreateTable
CREATE TABLE "SupplierLogisticMapping" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "serviceCode" TEXT NOT NULL,
    "logisticName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupplierLogisticMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SupplierLogisticMapping_shop_supplier_serviceCode_key" ON "SupplierLogisticMapping"("shop", "supplier", "serviceCode");

