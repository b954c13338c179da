import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.local/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: {
      // Contracts and test helpers handle JSON of many shapes; `any` is allowed where it is explicit.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "Property[key.name='synchronize'][value.value=true]", message: 'Schema changes go through migrations.' }],
    },
  },
  {
    // Jest's transformers are CommonJS modules run by Node.
    files: ['libs/testing/jest/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Domain rules are pure: state and command in, changes and events out. No framework,
    // persistence or broker in a domain/ folder, so a rule is unit-tested without any of them.
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', 'fastify', '@fastify/*'], message: 'domain/ holds pure rules: no framework, persistence or broker imports.' },
            { group: ['@gonghui/persistence', '@gonghui/messaging', '@gonghui/service-kit'], message: 'domain/ holds pure rules: no infrastructure imports.' },
          ],
        },
      ],
    },
  },
);
