import { defineConfig } from "vite";

/**
 * Bundles the command line into out/cli/dossier.js, the package's `bin`.
 * Dependencies stay external and load from node_modules; migrations are
 * bundled as text through import.meta.glob.
 */
export default defineConfig({
  build: {
    ssr: "electron/cli/bin.ts",
    outDir: "out/cli",
    emptyOutDir: true,
    target: "node20",
    sourcemap: true,
    minify: false,
    rollupOptions: {
      output: {
        entryFileNames: "dossier.js",
        format: "es",
        banner: "#!/usr/bin/env node",
      },
    },
  },
  logLevel: "warn",
});
