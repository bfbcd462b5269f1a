import { chmod } from "node:fs/promises";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";

/** Marks the bundle executable, as npm does for the bins it links. */
function executableBin(): Plugin {
  return {
    name: "dossier-executable-bin",
    async writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (fileName.endsWith(".js")) {
          await chmod(path.join(options.dir ?? "out/cli", fileName), 0o755);
        }
      }
    },
  };
}

/**
 * Bundles the command line into out/cli/dossier.js, the package's `bin`.
 * Dependencies stay external and load from node_modules; migrations are
 * bundled as text through import.meta.glob.
 */
export default defineConfig({
  plugins: [executableBin()],
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
