module.exports = { preset: "@arbetsliv/jest-preset" };
