import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";
import type { Plugin } from "vite";
import { contentSecurityPolicy } from "./electron/main/content-security-policy";

const fromRoot = (relativePath: string): string =>
  fileURLToPath(new URL(relativePath, import.meta.url));

/*
 * The production index.html carries the policy as a meta tag too, for a host
 * that serves the files without the header. The dev server gets none,
 * because React Refresh injects an inline script there.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: "dossier:content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: {
          "http-equiv": "Content-Security-Policy",
          content: contentSecurityPolicy,
        },
        injectTo: "head-prepend",
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot("out/main"),
      // Every package in `dependencies` stays external (electron-vite's
      // default) and is loaded from node_modules, native addons included.
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: fromRoot("electron/main/index.ts") },
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot("out/preload"),
      // A sandboxed preload can require only "electron" and a few Node
      // modules, and cannot be an ES module: bundle everything as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot("electron/preload/index.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: fromRoot("renderer"),
    build: {
      outDir: fromRoot("out/renderer"),
      rolldownOptions: {
        input: { index: fromRoot("renderer/index.html") },
      },
    },
    plugins: [react(), contentSecurityPolicyMeta()],
  },
});
