import { defineConfig } from "vite";

export default defineConfig({
  // Keep the built page CSP-clean: no inline module-preload polyfill, assets as files.
  build: { modulePreload: { polyfill: false }, assetsInlineLimit: 0, target: "es2022" },
});
