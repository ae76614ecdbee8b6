-- Folder moves, copies and deletes run by the job queue: one row per operation holds its progress
-- and where it stands, so a worker that dies mid-way lets the next attempt carry on from there.
CREATE TABLE "file_operations" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "actor_id" UUID NOT NULL,
    "actor_email" TEXT NOT NULL,
    "audit_context" JSONB NOT NULL DEFAULT '{}',
    "connection_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "target" TEXT,
    "overwrite" BOOLEAN NOT NULL DEFAULT false,
    "cursor" TEXT,
    "total_objects" INTEGER,
    "total_bytes" BIGINT,
    "done_objects" INTEGER NOT NULL DEFAULT 0,
    "done_bytes" BIGINT NOT NULL DEFAULT 0,
    "failed_objects" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "file_operations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "file_operations_actor_id_created_at_idx" ON "file_operations"("actor_id", "created_at");
CREATE INDEX "file_operations_status_updated_at_idx" ON "file_operations"("status", "updated_at");
ALTER TABLE "file_operations" ADD CONSTRAINT "file_operations_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "file_operations" ADD CONSTRAINT "file_operations_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "s3_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
