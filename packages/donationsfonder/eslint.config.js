const config = require("@arbetsliv/eslint-config");

// Resolver files hold no data access (the rule in tooling/eslint).
module.exports = [...config, ...config.resolverDataAccess];
