// The resumable multipart upload engine (browser + CLI). Filled in by the uploads issue.
export const UPLOADER_PLACEHOLDER = true;
