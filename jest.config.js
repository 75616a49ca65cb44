/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'], '/node_modules/(jose|strip-bom)/.+\\.js$': ['@swc/jest'] },
  // ES-module-only packages (jose; strip-bom 5, which @microsoft/app-manifest requires): Jest's
  // CommonJS runtime needs them compiled like our own code. Node itself loads them as they are.
  transformIgnorePatterns: ['/node_modules/(?!(jose|strip-bom)/)'],
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup/indexedQueries.ts'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
