import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const nodeBuiltins = ["node:*", "fs", "path", "os", "crypto", "child_process"];

export default tseslint.config(
  {
    ignores: [
      "out/",
      "dist/",
      "node_modules/",
      "electron/engine/store/migrations/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // Logging goes through pino so that output stays structured and free of
      // personal data; the command line writes to stdout through its own io.
      "no-console": "error",
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The engine and the command line run without Electron, headless in CI.
    files: [
      "electron/engine/**/*.ts",
      "electron/cli/**/*.ts",
      "electron/browser-host/**/*.ts",
    ],
    languageOptions: { globals: globals.node },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "electron",
              message:
                "Only electron/main and electron/preload may import electron.",
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer and the project's shared/ run in a browser sandbox.
    files: ["renderer/**/*.{ts,tsx}", "shared/**/*.ts"],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "electron",
              message:
                "The renderer reaches the engine only through the IPC contract.",
            },
          ],
          patterns: [
            {
              group: nodeBuiltins,
              message: "Node modules are not available in the renderer.",
            },
            {
              group: ["**/electron/**", "../electron/*"],
              message: "Import engine types through shared/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "test/**/*.ts",
      "scripts/**/*.{js,mjs,ts}",
      "bench/**/*.{js,mjs,ts}",
      "*.config.{js,ts}",
    ],
    languageOptions: { globals: globals.node },
  },
);
