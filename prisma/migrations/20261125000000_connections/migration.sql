-- S3 connections: browser-facing endpoint, STS AssumeRole settings and default encryption.
ALTER TABLE "s3_connections" ADD COLUMN "public_endpoint" TEXT,
    ADD COLUMN "role_arn" TEXT,
    ADD COLUMN "external_id" TEXT,
    ADD COLUMN "session_duration_seconds" INTEGER,
    ADD COLUMN "sse_mode" TEXT NOT NULL DEFAULT 'none',
    ADD COLUMN "sse_kms_key_id" TEXT;
