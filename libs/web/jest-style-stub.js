// CSS imports have no effect in unit tests.
module.exports = {};
