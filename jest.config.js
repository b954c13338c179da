// Three kinds of test, run separately by infra/scripts/test.sh:
//   unit         domain rules and pure libs: no Nest app, no I/O          (*.spec.ts)
//   integration  one service against the real Postgres and Kafka          (*.int-spec.ts)
//   e2e          the whole system through the gateway, as processes       (e2e/**/*.e2e-spec.ts)
const shared = {
  transform: {
    '^.+\\.ts$': ['@swc/jest'],
    // ESM-only packages (NestJS 12 and its family), compiled to CommonJS for Jest's loader.
    '/node_modules/.+\\.js$': '<rootDir>/libs/testing/jest/esm-to-cjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|content-disposition|file-type|strtok3|token-types|@tokenizer|uint8array-extras)/)'],
  moduleNameMapper: { '^@gonghui/infra$': '<rootDir>/infra/src', '^@gonghui/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,infra,bench}/**/src/**/*.spec.ts', '<rootDir>/infra/test/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,infra}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/long-timeout.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/long-timeout.ts'],
    },
  ],
};
