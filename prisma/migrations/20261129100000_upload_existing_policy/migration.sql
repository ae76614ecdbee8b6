-- What an upload may do to an object already at its key, decided when it started: the presigned
-- single PUT and the completion carry it as an S3 precondition (If-None-Match / If-Match).
ALTER TABLE "uploads" ADD COLUMN "on_existing" TEXT NOT NULL DEFAULT 'reject';
