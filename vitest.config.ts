import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Tests that create onnxruntime sessions directly must not send telemetry
    // either; the engine sets the same variable for itself.
    env: { ORT_DISABLE_TELEMETRY: "1" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
