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
  testTimeout: 60000
};
