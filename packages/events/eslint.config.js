module.exports = require("@arbetsliv/eslint-config");
