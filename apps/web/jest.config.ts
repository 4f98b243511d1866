/* eslint-disable */
module.exports = require('../../libs/web/jest.web.js')(__dirname, 'web');
