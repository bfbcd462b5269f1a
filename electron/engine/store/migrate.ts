import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { DossierError } from "../errors";
import journal from "./migrations/meta/_journal.json" with { type: "json" };

/**
 * The table of applied migrations, in drizzle-kit's format (id, hash,
 * created_at = the migration's journal time), so drizzle's tooling reads it.
 */
const migrationsTable = "__drizzle_migrations";

/*
 * The SQL files are bundled as text so that the command line, the Electron
 * main process and the tests apply the same migrations without locating a
 * folder on disk at run time.
 */
const sqlByPath = import.meta.glob<string>("./migrations/*.sql", {
  query: "?raw",
  import: "default",
  eager: true,
});

type Migration = {
  tag: string;
  statements: string[];
  createdAt: number;
  hash: string;
};

function loadMigrations(): Migration[] {
  return journal.entries.map((entry) => {
    const text = sqlByPath[`./migrations/${entry.tag}.sql`];
    if (text === undefined) {
      throw new DossierError(
        "internal",
        `Migration ${entry.tag}.sql is listed in the journal but was not bundled`,
      );
    }
    return {
      tag: entry.tag,
      statements: text
        .split("--> statement-breakpoint")
        .map((statement) => statement.trim())
        .filter((statement) => statement !== ""),
      createdAt: entry.when,
      hash: createHash("sha256").update(text).digest("hex"),
    };
  });
}

/**
 * SQLite's application_id of a Dossier store: "DOSS" in ASCII. Checking it
 * separates a Dossier store from any other SQLite file before anything is
 * written.
 */
export const storeApplicationId = 0x444f5353;

/** The journal time of the newest migration bundled in this build. */
export const latestMigrationMillis = Math.max(
  ...journal.entries.map((entry) => entry.when),
);

/**
 * Returns the journal time of the newest migration applied to the store, or
 * null when none is.
 */
export function readAppliedMigrationMillis(
  client: Database.Database,
): number | null {
  const table = client
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(migrationsTable);
  if (table === undefined) {
    return null;
  }
  const row = client
    .prepare(`SELECT max(created_at) AS newest FROM ${migrationsTable}`)
    .get() as { newest: number | null };
  return row.newest === null ? null : Number(row.newest);
}

/**
 * Rejects a store that a newer Dossier has migrated past this build.
 *
 * @throws DossierError `storeUnusable`.
 */
export function assertKnownSchema(
  client: Database.Database,
  storePath: string,
): void {
  const applied = readAppliedMigrationMillis(client);
  if (applied !== null && applied > latestMigrationMillis) {
    throw new DossierError(
      "storeUnusable",
      `The store ${storePath} was written by a newer version of Dossier; ` +
        "upgrade Dossier to open it, or pass --store with another file.",
    );
  }
}

export function hasPendingMigrations(client: Database.Database): boolean {
  const applied = readAppliedMigrationMillis(client);
  return applied === null || applied < latestMigrationMillis;
}

/**
 * Applies the migrations the store lacks in one IMMEDIATE transaction. The
 * write lock is taken before the applied list is read, so two processes that
 * open a new store at once apply each migration once. The second waits for
 * the lock (up to the busy timeout), then finds nothing left to do.
 *
 * NOTE: drizzle-orm's own migrator reads the applied list before it takes
 * the lock and reads SQL files from disk, so the store does not use it.
 */
export function migrateStore(
  client: Database.Database,
  storePath: string,
): void {
  const isCurrent =
    !hasPendingMigrations(client) &&
    client.pragma("application_id", { simple: true }) === storeApplicationId;
  if (isCurrent) {
    // Writing nothing keeps the file byte for byte as it was.
    return;
  }

  const migrations = loadMigrations();
  const apply = client.transaction(() => {
    assertKnownSchema(client, storePath);
    client.exec(
      `CREATE TABLE IF NOT EXISTS ${migrationsTable} ` +
        "(id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)",
    );
    const applied = readAppliedMigrationMillis(client) ?? -1;
    const record = client.prepare(
      `INSERT INTO ${migrationsTable} (hash, created_at) VALUES (?, ?)`,
    );
    for (const migration of migrations) {
      if (migration.createdAt <= applied) {
        continue;
      }
      for (const statement of migration.statements) {
        client.exec(statement);
      }
      record.run(migration.hash, migration.createdAt);
    }
    // Part of the same transaction, so a store never has tables without it.
    client.pragma(`application_id = ${storeApplicationId}`);
  });
  apply.immediate();
}
