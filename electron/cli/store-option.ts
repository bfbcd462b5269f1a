import path from "node:path";
import { openEngine, type Engine } from "../engine/api";
import { defaultStorePath } from "../engine/paths";
import type { CliIo } from "./io";

export type GlobalOptions = { store?: string; json?: boolean };

export async function withEngine<Value>(
  options: GlobalOptions,
  io: CliIo,
  use: (engine: Engine) => Promise<Value>,
): Promise<Value> {
  const engine = openEngine({ storePath: resolveStorePath(options, io) });
  try {
    return await use(engine);
  } finally {
    engine.close();
  }
}

export function resolveStorePath(
  options: Pick<GlobalOptions, "store">,
  io: CliIo,
): string {
  return options.store === undefined
    ? defaultStorePath(io.environment)
    : path.resolve(options.store);
}
