export { createGateway, type Gateway } from "./gateway";
export { loadConfig, ConfigError, type GatewayConfig } from "./config";
export { createLogger, type Logger } from "./logger";
export { modules } from "./modules";
