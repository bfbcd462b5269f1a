import { spawnSync } from "node:child_process";
import path from "node:path";
import { repositoryRoot } from "../helpers/workspace";

/** The bundled command line, built by `npm run build:cli` before the tests. */
export const cliPath = path.join(repositoryRoot, "out/cli/dossier.js");

export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs `dossier` as a user would, in a child process with its own environment. */
export function runDossier(
  args: string[],
  environment: Record<string, string> = {},
): CliRun {
  const child = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...environment,
    },
    timeout: 120_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
