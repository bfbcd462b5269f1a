import { createHash } from "node:crypto";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { DossierError } from "../errors";
import journal from "./migrations/meta/_journal.json" with { type: "json" };

/** The table where drizzle's migrator records applied migrations. */
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

type MigrationMeta = {
  sql: string[];
  bps: boolean;
  folderMillis: number;
  hash: string;
};

function loadMigrations(): MigrationMeta[] {
  return journal.entries.map((entry) => {
    const text = sqlByPath[`./migrations/${entry.tag}.sql`];
    if (text === undefined) {
      throw new DossierError(
        "internal",
        `Migration ${entry.tag}.sql is listed in the journal but was not bundled`,
      );
    }
    return {
      sql: text.split("--> statement-breakpoint"),
      bps: entry.breakpoints,
      folderMillis: entry.when,
      hash: createHash("sha256").update(text).digest("hex"),
    };
  });
}

/** The creation time of the newest migration this build knows. */
export const latestMigrationMillis = Math.max(
  ...journal.entries.map((entry) => entry.when),
);

type MigratingDatabase = BetterSQLite3Database & {
  dialect: {
    migrate(
      migrations: MigrationMeta[],
      session: unknown,
      config: { migrationsTable: string },
    ): void;
  };
  session: unknown;
};

/**
 * Applies the migrations the store lacks, in one transaction.
 *
 * @throws DossierError `storeUnusable` when the store was written by a newer
 * Dossier, whose schema this build does not know.
 */
export function migrateStore(
  database: BetterSQLite3Database,
  client: { prepare(sql: string): { get(): unknown } },
  storePath: string,
): void {
  const applied = client
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${migrationsTable}'`,
    )
    .get();
  if (applied !== undefined) {
    const newest = client
      .prepare(`SELECT max(created_at) AS newest FROM ${migrationsTable}`)
      .get() as { newest: number | null };
    if (newest.newest !== null && newest.newest > latestMigrationMillis) {
      throw new DossierError(
        "storeUnusable",
        `The store ${storePath} was written by a newer version of Dossier; ` +
          "upgrade Dossier to open it, or pass --store with another file.",
      );
    }
  }

  // NOTE: drizzle-orm exposes no public migrate() that takes migrations from
  // memory; its file-based migrator calls this same dialect method.
  const migrating = database as MigratingDatabase;
  migrating.dialect.migrate(loadMigrations(), migrating.session, {
    migrationsTable,
  });
}
