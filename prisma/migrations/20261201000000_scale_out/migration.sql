-- Scale-out: the sealed canary every instance must open with its MASTER_KEYS before it starts, and
-- the one instance that owns the managed local S3 server behind "Local storage".
CREATE TABLE "key_canaries" (
    "id" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "key_canaries_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "local_storage_owners" (
    "connection_id" UUID NOT NULL,
    "host" TEXT NOT NULL,
    "data_dir" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "endpoint" TEXT NOT NULL,
    "heartbeat_at" TIMESTAMPTZ(3),
    CONSTRAINT "local_storage_owners_pkey" PRIMARY KEY ("connection_id")
);
