// The in-process suites: the node in n8n's engine against the sandbox, and the sandbox itself.
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/test',
    '<rootDir>/sandbox'
  ],
  testMatch: [
    '**/*.test.js'
  ],
  modulePathIgnorePatterns: [
    '<rootDir>/dist',
    '<rootDir>/.cache'
  ],
  // builds dist/ first when it is missing or older than the sources (test/support/build.js)
  globalSetup: '<rootDir>/test/support/build.js',
  testTimeout: 60000
};
