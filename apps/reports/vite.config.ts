import { defineConfig } from "vite";

// `pnpm dev` serves the app on its own port and proxies /graphql to a gateway (GATEWAY_URL,
// default http://127.0.0.1:4000), so the browser talks to one origin, as in production.
export default defineConfig({
  root: "src",
  build: { outDir: "../dist/app", emptyOutDir: true, target: "es2022" },
  server: {
    port: 5173,
    proxy: { "/graphql": process.env.GATEWAY_URL ?? "http://127.0.0.1:4000" },
  },
});
