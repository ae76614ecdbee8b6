// Node-only additions to the engine (files on disk, the CLI's state file, a PUT without copies).
export * from './index.js';
export { NodeFileSource, type NodeFileSourceOptions } from './node-file-source.js';
export { NodeHttpPartSender, type NodeHttpPartSenderOptions } from './node-http-part-sender.js';
export { StateFileResumeStore } from './node-state-file-store.js';
