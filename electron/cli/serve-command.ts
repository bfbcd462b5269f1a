import path from "node:path";
import { fileURLToPath } from "node:url";
import { startBrowserHost } from "../browser-host";
import type { CliIo } from "./io";
import { resolveStore, type GlobalOptions } from "./store-option";

export type ServeOptions = Pick<GlobalOptions, "store"> & {
  port: number;
  renderer: string;
};

/**
 * The renderer build beside the bundled command line: out/cli/dossier.js
 * serves out/renderer, which `npm run build` creates.
 */
export const defaultRendererDir = fileURLToPath(
  new URL("../renderer", import.meta.url),
);

/** Serves until SIGINT or SIGTERM, then closes the host and its store. */
export async function runServe(
  options: ServeOptions,
  io: CliIo,
): Promise<void> {
  const host = await startBrowserHost({
    ...resolveStore(options, io),
    rendererDir: path.resolve(options.renderer),
    port: options.port,
  });
  io.stdout(`Dossier is serving ${host.url} (press Ctrl+C to stop)\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await host.close();
}
