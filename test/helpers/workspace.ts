import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach } from "vitest";

/** The repository root, from which ../shared holds the reference data. */
export const repositoryRoot = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  "../..",
);

export const referenceFiles = {
  adultModel: path.resolve(
    repositoryRoot,
    "../shared/models/adult-income-logreg.onnx",
  ),
  adultTest: path.resolve(repositoryRoot, "../shared/data/adult/adult.test"),
  germanModel: path.resolve(
    repositoryRoot,
    "../shared/models/german-credit-amount-linreg.onnx",
  ),
  germanData: path.resolve(
    repositoryRoot,
    "../shared/data/german-credit/german.data",
  ),
};

/** Column names of german.data, which has no header line. */
export const germanColumns = [
  ...Array.from({ length: 20 }, (_, index) => `A${index + 1}`),
  "class",
];

const createdFolders: string[] = [];

afterEach(() => {
  for (const folder of createdFolders.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

/** Creates a temporary folder that is removed after the current test. */
export function makeTempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-test-"));
  createdFolders.push(folder);
  return folder;
}

export const storeTables = [
  "models",
  "model_versions",
  "datasets",
  "dataset_versions",
  "evaluations",
  "audit_events",
] as const;

/**
 * Counts the rows of every store table, reading the SQLite file directly. A
 * store file that does not exist counts as zero rows everywhere, because the
 * store creates its file only when it records the first change.
 */
export function countStoreRows(
  storePath: string,
): Record<(typeof storeTables)[number], number> {
  if (!fs.existsSync(storePath)) {
    return Object.fromEntries(storeTables.map((table) => [table, 0])) as Record<
      (typeof storeTables)[number],
      number
    >;
  }
  const database = new Database(storePath, { readonly: true });
  try {
    const counts = storeTables.map((table) => {
      const row = database
        .prepare(`SELECT count(*) AS count FROM ${table}`)
        .get() as { count: number };
      return [table, row.count] as const;
    });
    return Object.fromEntries(counts) as Record<
      (typeof storeTables)[number],
      number
    >;
  } finally {
    database.close();
  }
}
