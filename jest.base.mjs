// Shared jest settings (TypeScript via SWC, CommonJS mode, `./x.js` imports mapped to `./x`).
// See TOOLCHAIN.md for why this exact combination.
// Dependencies CommonJS jest must transform: ESM-only packages, and packages that load one with
// a dynamic import() (SWC turns it into require(), which jest can serve without VM modules).
const esmOnly = [
  'p-limit',
  'yocto-queue',
  'nanoid',
  'cookie',
  'content-disposition',
  '@fastify/cookie',
  // pg-boss (the API queues folder operations) and its ESM-only dependencies.
  'pg-boss',
  'rrule-temporal',
  'temporal-spec',
  'serialize-error',
  'non-error',
  // The SSE parser the migration live-events test reads streams with.
  'eventsource-parser',
];

/** @type {import('jest').Config} */
export const jestBase = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(ts|mts|cts|tsx)$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
    ],
    '^.+\\.(js|mjs|cjs|jsx)$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' } },
    ],
  },
  transformIgnorePatterns: [
    `/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(${esmOnly.join('|')})/)`,
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
