// Runs before every web test file: the jest-dom matchers (toBeInTheDocument, ...) and the
// globals jsdom leaves out that react-router needs. `fetch` is left out on purpose: each test
// mocks the network itself.
const { TextDecoder, TextEncoder } = require('node:util');
require('@testing-library/jest-dom');

Object.assign(globalThis, { TextDecoder, TextEncoder });
