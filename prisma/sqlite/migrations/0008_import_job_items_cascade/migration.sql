-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportJobItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobId" TEXT NOT NULL,
    "importItemId" TEXT NOT NULL,
    "lineNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "productGid" TEXT,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportJobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ImportJobItem" ("error", "id", "importItemId", "jobId", "lineNumber", "productGid", "status", "updatedAt") SELECT "error", "id", "importItemId", "jobId", "lineNumber", "productGid", "status", "updatedAt" FROM "ImportJobItem";
DROP TABLE "ImportJobItem";
ALTER TABLE "new_ImportJobItem" RENAME TO "ImportJobItem";
CREATE INDEX "ImportJobItem_jobId_status_idx" ON "ImportJobItem"("jobId", "status");
CREATE UNIQUE INDEX "ImportJobItem_jobId_importItemId_key" ON "ImportJobItem"("jobId", "importItemId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

