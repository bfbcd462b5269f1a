import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DossierError } from "../errors";
import {
  assertKnownSchema,
  hasPendingMigrations,
  migrateStore,
  readAppliedMigrationMillis,
  storeApplicationId,
} from "./migrate";

export type ConnectionOptions = {
  storePath: string;
  isReadOnly: boolean;
  nativeBinding: string | undefined;
};

/**
 * Opens an existing store or creates a new one and checks that it is a
 * Dossier store this build understands. It writes nothing: `upgrade` does,
 * before the first operation, so a run that fails first leaves the file as
 * it was.
 *
 * @throws DossierError `storeUnusable` naming the file and the fix.
 */
export function connect(options: ConnectionOptions): Database.Database {
  try {
    return openChecked(options.storePath, options);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const isSharedMemoryDenied =
      options.isReadOnly &&
      typeof code === "string" &&
      (code.startsWith("SQLITE_READONLY") ||
        code.startsWith("SQLITE_CANTOPEN")) &&
      !isWritable(path.dirname(options.storePath));
    if (isSharedMemoryDenied) {
      return openSnapshot(options);
    }
    throw toStoreError(error, options.storePath);
  }
}

function openChecked(
  filePath: string,
  options: ConnectionOptions,
): Database.Database {
  const { storePath, isReadOnly, nativeBinding } = options;
  let client: Database.Database | undefined;
  try {
    client = new Database(filePath, {
      readonly: isReadOnly,
      fileMustExist: isReadOnly,
      ...(nativeBinding === undefined ? {} : { nativeBinding }),
    });
    client.pragma("busy_timeout = 5000");
    assertDossierStore(client, storePath);
    assertKnownSchema(client, storePath);
    if (isReadOnly) {
      assertMigrated(client, storePath);
    }
    client.pragma("foreign_keys = ON");
    return client;
  } catch (error) {
    client?.close();
    throw error;
  }
}

function isWritable(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a store whose folder the reader cannot write. SQLite must create a
 * -shm file beside a WAL database to read it, so the store and its -wal file
 * are copied to a temporary folder, which closing the connection removes.
 *
 * NOTE: a change that another process commits during the copy can be missed,
 * or read torn during a checkpoint. This path suits a store at rest, as a
 * read-only auditor's copy usually is.
 */
function openSnapshot(options: ConnectionOptions): Database.Database {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-snapshot-"));
  try {
    const copy = path.join(folder, path.basename(options.storePath));
    fs.copyFileSync(options.storePath, copy);
    const wal = `${options.storePath}-wal`;
    if (fs.existsSync(wal)) {
      fs.copyFileSync(wal, `${copy}-wal`);
    }
    const client = openChecked(copy, options);
    const close = client.close.bind(client);
    client.close = () => {
      close();
      fs.rmSync(folder, { recursive: true, force: true });
      return client;
    };
    return client;
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw toStoreError(error, options.storePath);
  }
}

/**
 * Accepts a file marked with Dossier's application_id, or an empty SQLite
 * file, and rejects every other database.
 */
function assertDossierStore(
  client: Database.Database,
  storePath: string,
): void {
  const applicationId = client.pragma("application_id", { simple: true });
  if (applicationId === storeApplicationId) {
    return;
  }
  const table = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 1")
    .get() as { name: string } | undefined;
  if (table === undefined) {
    return;
  }
  throw new DossierError(
    "storeUnusable",
    `The file ${storePath} is an SQLite database but not a Dossier store ` +
      `(it has a table ${table.name}); pass --store with a Dossier store or a new file name.`,
  );
}

/**
 * Switches a writable store to WAL and applies pending migrations. Both are
 * no-ops on a current store, which stays byte for byte as it was.
 */
export function upgrade(client: Database.Database, storePath: string): void {
  try {
    client.pragma("journal_mode = WAL");
    client.pragma("synchronous = FULL");
    migrateStore(client, storePath);
  } catch (error) {
    throw toStoreError(error, storePath);
  }
}

function assertMigrated(client: Database.Database, storePath: string): void {
  if (readAppliedMigrationMillis(client) === null) {
    throw new DossierError(
      "storeUnusable",
      `The file ${storePath} is empty, not a Dossier store yet; ` +
        "run dossier evaluate with --store pointing at it to create the store.",
    );
  }
  if (hasPendingMigrations(client)) {
    throw new DossierError(
      "storeUnusable",
      `The store ${storePath} was written by an older version of Dossier and needs an upgrade, ` +
        "which needs write access: run dossier evaluate on it once, or open it in the desktop app.",
    );
  }
}

/**
 * Creates the folder of the default store. Other folders must exist, so a
 * mistyped --store path fails instead of creating folders.
 */
export function prepareFolder(storePath: string, canCreate: boolean): void {
  const folder = path.dirname(storePath);
  if (fs.existsSync(folder)) {
    return;
  }
  if (!canCreate) {
    throw new DossierError(
      "storeUnusable",
      `The folder ${folder} of the store does not exist; create it, or pass --store with a path in an existing folder.`,
    );
  }
  fs.mkdirSync(folder, { recursive: true });
}

/** SQLite result codes that mean the file or its folder cannot be used. */
const unusableCodes = [
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_READONLY",
  "SQLITE_CORRUPT",
  "SQLITE_NOTADB",
  "SQLITE_IOERR",
  "SQLITE_FULL",
  "SQLITE_CANTOPEN",
  "SQLITE_PERM",
  "SQLITE_AUTH",
];

/**
 * Converts an error from SQLite or the file system into `storeUnusable` with
 * the store's path and a fix. Other errors pass through unchanged.
 */
export function toStoreError(error: unknown, storePath: string): unknown {
  if (error instanceof DossierError) {
    return error;
  }
  const code = (error as { code?: unknown }).code;
  const isSqliteProblem =
    typeof code === "string" &&
    unusableCodes.some((prefix) => code.startsWith(prefix));
  const isFileProblem =
    typeof code === "string" && /^E[A-Z]+$/.test(code) && code !== "ERR";
  if (!isSqliteProblem && !isFileProblem) {
    return error;
  }

  const reason = error instanceof Error ? error.message : String(error);
  const fix =
    typeof code === "string" && code.startsWith("SQLITE_BUSY")
      ? "Another process is writing to it; try again when it has finished."
      : "Check the path and its permissions, or pass --store with another file.";
  return new DossierError(
    "storeUnusable",
    `Cannot use the store ${storePath}: ${reason}. ${fix}`,
    { cause: error },
  );
}
