// Runs before every web test file: the jest-dom matchers (toBeInTheDocument, ...) and the
// globals jsdom leaves out that react-router needs. `fetch` is left out on purpose: each test
// mocks the network itself.
const { TextDecoder, TextEncoder } = require('node:util');
require('@testing-library/jest-dom');
const { configure } = require('@testing-library/dom');

// Role queries over a 50-row table are slow in jsdom; on a busy machine the 1 s default of
// findBy/waitFor is too tight. Passing tests do not wait longer because of this.
configure({ asyncUtilTimeout: 5000 });

Object.assign(globalThis, { TextDecoder, TextEncoder });
