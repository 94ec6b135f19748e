-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "carrierRequestsSignedAt" TIMESTAMP(3);

