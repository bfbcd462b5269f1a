import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import {
  germanColumns,
  referenceFiles,
  repositoryRoot,
} from "../helpers/workspace";

/** The bundled command line, built by `npm run build:cli` before the tests. */
export const cliPath = path.join(repositoryRoot, "out/cli/dossier.js");

export type CliRun = { status: number | null; stdout: string; stderr: string };

/** The account to run the command as, for a root test process. */
export type Account = { uid: number; gid: number };

function childEnvironment(
  environment: Record<string, string>,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    ...environment,
  };
}

/** Runs `dossier` as a user would, in a child process with its own environment. */
export function runDossier(
  args: string[],
  environment: Record<string, string> = {},
  account?: Account,
): CliRun {
  const child = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: "utf8",
    env: childEnvironment(environment),
    timeout: 120_000,
    ...account,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/**
 * Runs `dossier` like `runDossier`, without blocking this process, so that a
 * test can act on the file system while the command runs.
 */
export function runDossierAsync(
  args: string[],
  environment: Record<string, string> = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: childEnvironment(environment),
    timeout: 120_000,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Evaluates the Adult model on adult.test, the census test set. */
export function adultArgs(storePath: string): string[] {
  return [
    "evaluate",
    "--model",
    referenceFiles.adultModel,
    "--data",
    referenceFiles.adultTest,
    "--label",
    "Y",
    "--positive",
    ">50K.",
    "--store",
    storePath,
  ];
}

/** Evaluates the regression of german.data's credit amount, column A5. */
export function germanArgs(storePath: string): string[] {
  return [
    "evaluate",
    "--model",
    referenceFiles.germanModel,
    "--data",
    referenceFiles.germanData,
    "--columns",
    germanColumns.join(","),
    "--label",
    "A5",
    "--store",
    storePath,
  ];
}
