/* eslint-disable */
module.exports = require('../jest.web.js')(__dirname, 'web-passport');
