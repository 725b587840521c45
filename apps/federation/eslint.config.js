const config = require("@arbetsliv/eslint-config");

module.exports = [...config];
