-- Uploads: one row per upload a person started (multipart or single presigned PUT).
CREATE TYPE "UploadState" AS ENUM ('in_progress', 'completed', 'aborted', 'failed');

CREATE TABLE "uploads" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "s3_upload_id" TEXT,
    "mode" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "content_type" TEXT NOT NULL,
    "last_modified" BIGINT,
    "part_size" BIGINT NOT NULL,
    "part_count" INTEGER NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "tags" JSONB NOT NULL DEFAULT '{}',
    "state" "UploadState" NOT NULL DEFAULT 'in_progress',
    "etag" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_activity_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "uploads_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "uploads_owner_id_created_at_idx" ON "uploads"("owner_id", "created_at");
CREATE INDEX "uploads_state_last_activity_at_idx" ON "uploads"("state", "last_activity_at");
CREATE INDEX "uploads_connection_id_idx" ON "uploads"("connection_id");
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "s3_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
