// Node-only entry (@s3am/uploader/node): files on disk and the CLI's state file, plus the whole browser-safe API.
export * from './index.js';
export { NodeFileSource, type NodeFileSourceOptions } from './node-file-source.js';
export { StateFileResumeStore } from './node-state-file-store.js';
