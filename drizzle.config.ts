import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./electron/engine/store/schema.ts",
  out: "./electron/engine/store/migrations",
});
