import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** This package's folder, found from here both in the sources (server/) and the build (dist/server/). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}

export const PACKAGE_ROOT = packageRoot();
/** The built app (`vite build`). */
export const APP_DIST = join(PACKAGE_ROOT, "dist/app");
/** The built gateway (apps/gateway/dist), started as a child process. */
export const GATEWAY_DIST = resolve(PACKAGE_ROOT, "../gateway/dist");
