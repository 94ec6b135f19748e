-- AlterTable
ALTER TABLE "SupplierOrder" ADD COLUMN     "placementJobId" TEXT;

