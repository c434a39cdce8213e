/**
 * Vite configuration of the web explorer: builds web/ into web/dist, which the server serves at /.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const WEB_ROOT = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: WEB_ROOT,
  base: "/",
  // The page is static files only; Vite's dev-only public folder is not used.
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: path.join(WEB_ROOT, "dist"),
    emptyOutDir: true,
    target: "es2022",
    // The polyfill is not needed by the browsers we support and would be one more script to audit under the CSP.
    modulePreload: { polyfill: false },
    // sigma + graphology are one cohesive ~300 kB chunk; splitting it buys nothing for a single page.
    chunkSizeWarningLimit: 1024,
  },
});
