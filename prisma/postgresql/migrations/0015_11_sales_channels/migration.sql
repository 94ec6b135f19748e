-- AlterTable
ALTER TABLE "SourcingSettings" ADD COLUMN     "publicationGids" JSONB;

-- AlterTable
ALTER TABLE "ImportItem" ADD COLUMN     "publishedTo" TEXT NOT NULL DEFAULT '';

