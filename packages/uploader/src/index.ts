// The upload engine's public API, browser-safe (no node:* imports); Node-only pieces are in ./node.
export { contentFingerprint } from './content-fingerprint.js';
export { digestBody, digestHex, md5Hex, sha256Hex, type DigestAlgorithm } from './digests.js';
export { TypedEmitter, type Listener } from './emitter.js';
export { expectedMultipartEtag, normalizeEtag, verifyCompletedUpload } from './etag-check.js';
export { blobFileSource, type FileSource } from './file-source.js';
export { proveHeldParts, type HeldPartsProof } from './held-part-proof.js';
export { partChecksum, type PartChecksum } from './part-checksum.js';
export { partCountFor, partLength, partRange, planParts, type PartRange } from './part-plan.js';
export {
  FetchPartSender,
  XhrPartSender,
  bodyLength,
  type PartBody,
  type PartSender,
  type SendPartRequest,
} from './part-sender.js';
export { PartUrlSigner, type SignedPartUrl } from './part-signer.js';
export { type MaybeStored } from './part-scheduler.js';
export {
  SpeedMeter,
  TransferProgress,
  combineProgress,
  etaSeconds,
  type ProgressSnapshot,
} from './progress.js';
export {
  IndexedDbResumeStore,
  MemoryResumeStore,
  ResumeRecord,
  resumeKeyOf,
  type DestinationIdentity,
  type FileIdentity,
  type ResumeStore,
} from './resume-store.js';
export {
  DEFAULT_BACKOFF,
  FailureStreak,
  backoffDelay,
  browserConnectivity,
  classifyFailure,
  classifyStatus,
  parseRetryAfter,
  retryDelay,
  withRetry,
  type BackoffOptions,
  type Connectivity,
  type FailureDecision,
  type RetryWait,
} from './retry.js';
export { ServerClock } from './server-clock.js';
export {
  SmallUploadBatcher,
  type CreatedSmallUpload,
  type SmallUploadBatcherOptions,
} from './small-upload-batcher.js';
export {
  apiErrorFrom,
  createFetchUploadApi,
  type FetchUploadApiOptions,
  type UploadApi,
} from './transport.js';
export {
  EtagNotExposedError,
  FileChangedError,
  HttpError,
  NetworkError,
  PartChecksumError,
  UploadApiError,
  UploadVerificationError,
  describeUploadError,
  isAbortError,
  uploadFailureOf,
  type UploadFailure,
} from './upload-errors.js';
export {
  sameDestination,
  type DiscardedUpload,
  type UploadDestination,
} from './upload-preparation.js';
export { UploadQueue, type UploadQueueEvents, type UploadQueueOptions } from './upload-queue.js';
export {
  UploadTask,
  runUpload,
  type UploadOutcome,
  type UploadTaskEvents,
  type UploadTaskOptions,
  type UploadTaskState,
} from './upload-task.js';
