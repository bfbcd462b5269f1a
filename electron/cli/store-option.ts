import fs from "node:fs";
import path from "node:path";
import { openEngine, type Engine } from "../engine/api";
import { defaultStorePath } from "../engine/paths";
import type { CliIo } from "./io";

export type GlobalOptions = { store?: string; json?: boolean };

export type StoreLocation = {
  storePath: string;
  /** Whether the path is the default one, whose folders Dossier may create. */
  isDefault: boolean;
};

/**
 * Opens the engine on the store that the options name, runs `use` and
 * closes it. A read-only engine never creates, migrates or changes a store.
 */
export async function withEngine<Value>(
  options: GlobalOptions,
  io: CliIo,
  use: (engine: Engine) => Promise<Value>,
  access: "readOnly" | "readWrite" = "readWrite",
): Promise<Value> {
  const { storePath, isDefault } = resolveStore(options, io);
  // The default store does not exist before the first evaluation; listing
  // it then shows empty lists, and a writable engine creates nothing to list.
  const isFreshDefault = isDefault && !fs.existsSync(storePath);
  const engine = openEngine({
    storePath,
    isReadOnly: access === "readOnly" && !isFreshDefault,
    canCreateFolder: isDefault,
  });
  try {
    return await use(engine);
  } finally {
    engine.close();
  }
}

/** Returns --store, else DOSSIER_STORE, else the per-user default store. */
export function resolveStore(
  options: Pick<GlobalOptions, "store">,
  io: CliIo,
): StoreLocation {
  if (options.store !== undefined) {
    return { storePath: path.resolve(options.store), isDefault: false };
  }
  const fromEnvironment = io.environment.DOSSIER_STORE;
  return {
    storePath: defaultStorePath(io.environment),
    isDefault: fromEnvironment === undefined || fromEnvironment === "",
  };
}
