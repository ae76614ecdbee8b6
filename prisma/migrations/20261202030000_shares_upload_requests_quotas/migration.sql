-- Share links, guest upload requests (with the files guests sent) and quotas with measured usage.
-- Link tokens are stored only as SHA-256 hashes; passwords only as argon2id hashes.
CREATE TABLE "shares" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "is_folder" BOOLEAN NOT NULL DEFAULT false,
    "password_hash" TEXT,
    "max_downloads" INTEGER,
    "download_count" INTEGER NOT NULL DEFAULT 0,
    "access_count" INTEGER NOT NULL DEFAULT 0,
    "allowed_cidrs" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "last_access_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "shares_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "shares_token_hash_key" ON "shares"("token_hash");
CREATE INDEX "shares_owner_id_created_at_idx" ON "shares"("owner_id", "created_at");
ALTER TABLE "shares" ADD CONSTRAINT "shares_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "shares" ADD CONSTRAINT "shares_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "s3_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "upload_requests" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "title" TEXT,
    "password_hash" TEXT,
    "max_file_bytes" BIGINT,
    "max_total_bytes" BIGINT,
    "max_files" INTEGER,
    "allowed_types" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "upload_requests_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "upload_requests_token_hash_key" ON "upload_requests"("token_hash");
CREATE INDEX "upload_requests_owner_id_created_at_idx" ON "upload_requests"("owner_id", "created_at");
ALTER TABLE "upload_requests" ADD CONSTRAINT "upload_requests_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "upload_requests" ADD CONSTRAINT "upload_requests_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "s3_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "upload_request_files" (
    "upload_id" UUID NOT NULL,
    "upload_request_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "seen_at" TIMESTAMPTZ(3),
    CONSTRAINT "upload_request_files_pkey" PRIMARY KEY ("upload_id")
);
CREATE INDEX "upload_request_files_upload_request_id_idx" ON "upload_request_files"("upload_request_id");
ALTER TABLE "upload_request_files" ADD CONSTRAINT "upload_request_files_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "uploads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "upload_request_files" ADD CONSTRAINT "upload_request_files_upload_request_id_fkey" FOREIGN KEY ("upload_request_id") REFERENCES "upload_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "quotas" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "group_id" UUID,
    "max_bytes" BIGINT,
    "max_objects" BIGINT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "quotas_pkey" PRIMARY KEY ("id"),
    -- Exactly one subject: a user or a group.
    CONSTRAINT "quotas_one_subject" CHECK (("user_id" IS NULL) <> ("group_id" IS NULL))
);
CREATE UNIQUE INDEX "quotas_user_id_key" ON "quotas"("user_id");
CREATE UNIQUE INDEX "quotas_group_id_key" ON "quotas"("group_id");
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "prefix_usage" (
    "connection_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "objects" BIGINT NOT NULL DEFAULT 0,
    "measured_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "prefix_usage_pkey" PRIMARY KEY ("connection_id","bucket","prefix")
);
ALTER TABLE "prefix_usage" ADD CONSTRAINT "prefix_usage_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "s3_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
