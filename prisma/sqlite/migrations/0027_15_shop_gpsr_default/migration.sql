-- AlterTable
ALTER TABLE "FulfillmentSettings" ADD COLUMN "gpsrResponsiblePerson" TEXT;

