// The CLI's version, shown by `s3am --version` and sent in its User-Agent.
export const CLI_VERSION = '0.1.0';
