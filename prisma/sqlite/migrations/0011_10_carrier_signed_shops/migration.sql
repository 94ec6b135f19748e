-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "carrierRequestsSignedAt" DATETIME;

