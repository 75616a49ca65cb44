/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/summaryReporter.js'],
};
