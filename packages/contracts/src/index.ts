// Every wire shape of the S3 Access Manager API, shared by api, web and cli.
export * from './errors.js';
export * from './bucket-name.js';
export * from './auth.js';
export * from './system.js';
export * from './audit.js';
export * from './users.js';
export * from './sessions.js';
export * from './api-tokens.js';
export * from './two-factor.js';
export * from './connections.js';
export * from './grants.js';
export * from './files.js';
export * from './file-operations.js';
export * from './uploads.js';
export * from './upload-batches.js';
export * from './uppy-compat.js';
export * from './migrations.js';
