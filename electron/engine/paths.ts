import path from "node:path";
import envPaths from "env-paths";

/** The file name of the store inside the application-data folder. */
export const storeFileName = "dossier.db";

/**
 * Returns the store used when no `--store` option is given: DOSSIER_STORE if
 * set, else `dossier.db` in the per-user application-data folder, which the
 * desktop app uses too (for example `~/.local/share/Dossier` on Linux).
 */
export function defaultStorePath(
  environment: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnvironment = environment.DOSSIER_STORE;
  if (fromEnvironment !== undefined && fromEnvironment !== "") {
    return path.resolve(fromEnvironment);
  }
  return path.join(envPaths("Dossier", { suffix: "" }).data, storeFileName);
}
