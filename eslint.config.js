// One ESLint config for the whole workspace (type-aware typescript-eslint + project rules).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/generated/**',
      '.data/**',
      '.data-*/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      'patches/**',
      // CDK output: staged copies of the repository (deploy/aws).
      '**/cdk.out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Fastify hooks and handlers are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through config/env.ts.',
        },
      ],
      'no-console': 'error',
      // Between JSX tags `//` and `/* */` are text, not comments: people would read them on the page.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/^\\s*\\/[/*]/m]',
          message: 'This is text on the page, not a comment: write {/* comment */}.',
        },
      ],
    },
  },
  {
    // Plain JS tooling files are not part of any tsconfig.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The only readers of process.env: the API's config module, tooling, scripts and test setup.
    files: [
      'apps/api/src/config/env.ts',
      'apps/cli/src/cli-env.ts',
      'scripts/**',
      '**/test/**',
      '**/*.config.*',
      'packages/local-s3/src/cli.ts',
      'packages/local-s3/test/**',
      'e2e/**',
      'bench/**',
      '.ci/**',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-console': 'off' },
  },
);
