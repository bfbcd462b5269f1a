import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DossierError } from "../../electron/engine/errors";
import { openStore } from "../../electron/engine/store";
import { latestMigrationMillis } from "../../electron/engine/store/migrate";
import { countStoreRows, makeTempFolder } from "../helpers/workspace";
import { datasetArtifact, evaluationRecord, modelArtifact } from "./fixtures";

function storeIn(folder: string): string {
  return path.join(folder, "store.db");
}

/** Creates a store with one recorded evaluation and returns its path. */
function createStore(storePath = storeIn(makeTempFolder())): string {
  const store = openStore({ storePath });
  store.recordEvaluation(
    modelArtifact(),
    datasetArtifact(),
    evaluationRecord(),
  );
  store.close();
  return storePath;
}

function storeError(open: () => unknown): DossierError {
  try {
    open();
  } catch (error) {
    if (error instanceof DossierError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected openStore to throw");
}

describe("openStore", () => {
  it("creates the file on the first change", () => {
    const storePath = storeIn(makeTempFolder());
    const store = openStore({ storePath });

    const modelsBefore = store.listModels();
    const existedBefore = fs.existsSync(storePath);
    store.recordEvaluation(
      modelArtifact(),
      datasetArtifact(),
      evaluationRecord(),
    );
    store.close();

    expect(modelsBefore).toEqual([]);
    expect(existedBefore).toBe(false);
    expect(countStoreRows(storePath)).toEqual({
      models: 1,
      model_versions: 1,
      datasets: 1,
      dataset_versions: 1,
      evaluations: 1,
      audit_events: 5,
    });
  });

  it("creates missing folders only when allowed", () => {
    const folder = path.join(makeTempFolder(), "nested", "deeper");
    const storePath = path.join(folder, "store.db");
    const strict = openStore({ storePath });
    const lenient = openStore({ storePath, canCreateFolder: true });

    const failure = storeError(() =>
      strict.recordEvaluation(
        modelArtifact(),
        datasetArtifact(),
        evaluationRecord(),
      ),
    );
    lenient.recordEvaluation(
      modelArtifact(),
      datasetArtifact(),
      evaluationRecord(),
    );
    strict.close();
    lenient.close();

    expect(failure.code).toBe("storeUnusable");
    expect(failure.message).toContain(folder);
    expect(fs.existsSync(storePath)).toBe(true);
  });

  it("uses the WAL journal mode", () => {
    const storePath = createStore();

    const database = new Database(storePath);
    const journalMode = database.pragma("journal_mode", { simple: true });
    const applicationId = database.pragma("application_id", { simple: true });
    database.close();

    expect(journalMode).toBe("wal");
    // 0x444f5353 is "DOSS" in ASCII.
    expect(applicationId).toBe(0x444f5353);
  });

  it("reopens without applying migrations twice", () => {
    const storePath = createStore();
    const bytesBefore = fs.readFileSync(storePath);

    openStore({ storePath }).close();

    const database = new Database(storePath, { readonly: true });
    const applied = database
      .prepare("SELECT count(*) AS count FROM __drizzle_migrations")
      .get() as { count: number };
    database.close();
    expect(applied.count).toBe(3);
    expect(fs.readFileSync(storePath).equals(bytesBefore)).toBe(true);
  });

  it("rejects a store from a newer version unchanged", () => {
    const storePath = createStore();
    const database = new Database(storePath);
    database.pragma("journal_mode = DELETE");
    database
      .prepare(
        "INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)",
      )
      .run("f".repeat(64), latestMigrationMillis + 1);
    database.close();
    const bytesBefore = fs.readFileSync(storePath);

    const failure = storeError(() => openStore({ storePath }));

    expect(failure.message).toMatch(/newer version of Dossier/);
    expect(failure.exitCode).toBe(4);
    expect(fs.readFileSync(storePath).equals(bytesBefore)).toBe(true);
  });

  it("rejects another program's database unchanged", () => {
    const storePath = storeIn(makeTempFolder());
    const database = new Database(storePath);
    database.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    database.close();
    const bytesBefore = fs.readFileSync(storePath);

    const failure = storeError(() => openStore({ storePath }));

    expect(failure.code).toBe("storeUnusable");
    expect(failure.message).toContain("not a Dossier store");
    expect(failure.message).toContain("invoices");
    expect(fs.readFileSync(storePath).equals(bytesBefore)).toBe(true);
  });

  it("lists a read-only store without changing it", () => {
    const storePath = createStore();
    fs.chmodSync(storePath, 0o444);
    const bytesBefore = fs.readFileSync(storePath);

    const store = openStore({ storePath, isReadOnly: true });
    const models = store.listModels();
    store.close();

    expect(models.map((model) => model.name)).toEqual(["credit-scorer"]);
    expect(fs.readFileSync(storePath).equals(bytesBefore)).toBe(true);
  });

  it("rejects a missing store when read-only", () => {
    const storePath = storeIn(makeTempFolder());

    const failure = storeError(() =>
      openStore({ storePath, isReadOnly: true }),
    );

    expect(failure.code).toBe("storeUnusable");
    expect(failure.message).toContain(`no store at ${storePath}`);
    expect(fs.existsSync(storePath)).toBe(false);
  });

  it("rejects a file that is not SQLite", () => {
    const storePath = storeIn(makeTempFolder());
    fs.writeFileSync(storePath, "name,value\nnot,a database\n".repeat(100));

    let failure: unknown;
    try {
      openStore({ storePath });
    } catch (error) {
      failure = error;
    }

    expect(failure).toBeInstanceOf(DossierError);
    expect((failure as DossierError).code).toBe("storeUnusable");
    expect((failure as DossierError).message).toContain(storePath);
  });
});

describe("recordEvaluation", () => {
  it("registers versions once per hash", () => {
    const store = openStore({ storePath: storeIn(makeTempFolder()) });

    const first = store.recordEvaluation(
      modelArtifact(),
      datasetArtifact(),
      evaluationRecord(),
    );
    const second = store.recordEvaluation(
      modelArtifact({ sourcePath: "/elsewhere/copy.onnx" }),
      datasetArtifact(),
      evaluationRecord(),
    );
    store.close();

    expect(first.modelVersion.isNew).toBe(true);
    expect(second.modelVersion.isNew).toBe(false);
    expect(second.modelVersion.id).toBe(first.modelVersion.id);
    expect(second.datasetVersion.id).toBe(first.datasetVersion.id);
    expect(countStoreRows(store.path)).toMatchObject({
      models: 1,
      model_versions: 1,
      datasets: 1,
      dataset_versions: 1,
      evaluations: 2,
    });
  });

  it("numbers new content of a name as the next version", () => {
    const store = openStore({ storePath: storeIn(makeTempFolder()) });
    store.recordEvaluation(
      modelArtifact(),
      datasetArtifact(),
      evaluationRecord(),
    );

    const retrained = store.recordEvaluation(
      modelArtifact({ sha256: "c".repeat(64) }),
      datasetArtifact(),
      evaluationRecord(),
    );
    const models = store.listModels();
    store.close();

    expect(retrained.modelVersion.version).toBe(2);
    expect(models).toHaveLength(1);
    expect(models[0]?.versions.map((version) => version.version)).toEqual([
      1, 2,
    ]);
  });

  it("writes one audit event per change", () => {
    const store = openStore({ storePath: storeIn(makeTempFolder()) });

    store.recordEvaluation(
      modelArtifact(),
      datasetArtifact(),
      evaluationRecord(),
    );
    store.close();

    const database = new Database(store.path, { readonly: true });
    const actions = database
      .prepare("SELECT action FROM audit_events ORDER BY sequence")
      .all()
      .map((row) => (row as { action: string }).action);
    database.close();
    expect(actions).toEqual([
      "model.create",
      "modelVersion.register",
      "dataset.create",
      "datasetVersion.register",
      "evaluation.record",
    ]);
  });

  it("rolls back every write when one fails", () => {
    const store = openStore({ storePath: storeIn(makeTempFolder()) });
    const evaluation = evaluationRecord();
    store.recordEvaluation(modelArtifact(), datasetArtifact(), evaluation);
    const before = countStoreRows(store.path);

    // The same evaluation id violates the primary key after the new model
    // and dataset versions were inserted in the same transaction.
    const repeating = () =>
      store.recordEvaluation(
        modelArtifact({ name: "other-model", sha256: "d".repeat(64) }),
        datasetArtifact({ name: "other-data", sha256: "e".repeat(64) }),
        evaluation,
      );

    expect(repeating).toThrow();
    store.close();
    expect(countStoreRows(store.path)).toEqual(before);
  });
});

describe("audit_events", () => {
  it("rejects UPDATE and DELETE", () => {
    const store = openStore({ storePath: storeIn(makeTempFolder()) });
    store.recordEvaluation(
      modelArtifact(),
      datasetArtifact(),
      evaluationRecord(),
    );
    store.close();
    const database = new Database(store.path);

    const updating = () =>
      database.prepare("UPDATE audit_events SET actor = 'mallory'").run();
    const deleting = () => database.prepare("DELETE FROM audit_events").run();

    expect(updating).toThrow(/append-only/);
    expect(deleting).toThrow(/append-only/);
    database.close();
  });

  it("chains each event to the previous hash", () => {
    const store = openStore({ storePath: storeIn(makeTempFolder()) });
    store.recordEvaluation(
      modelArtifact(),
      datasetArtifact(),
      evaluationRecord(),
    );
    store.close();
    const database = new Database(store.path, { readonly: true });
    const events = database
      .prepare("SELECT * FROM audit_events ORDER BY sequence")
      .all() as {
      sequence: number;
      occurred_at: string;
      actor: string;
      action: string;
      entity_type: string;
      entity_id: string;
      payload: string;
      previous_hash: string | null;
      hash: string;
    }[];
    database.close();

    expect(events[0]?.previous_hash).toBeNull();
    for (const [index, event] of events.entries()) {
      if (index > 0) {
        expect(event.previous_hash).toBe(events[index - 1]?.hash);
      }
      // Canonical JSON (RFC 8785) of the event, written out by hand here:
      // keys in code-unit order, no whitespace. The model.create payload has
      // one key, so its canonical form is easy to state.
      if (event.action === "model.create") {
        const canonical =
          `{"action":"model.create","actor":${JSON.stringify(event.actor)},` +
          `"entityId":"${event.entity_id}","entityType":"model",` +
          `"occurredAt":"${event.occurred_at}",` +
          `"payload":{"name":"credit-scorer"},"previousHash":null,` +
          `"sequence":${event.sequence}}`;
        const expected = createHash("sha256").update(canonical).digest("hex");
        expect(event.hash).toBe(expected);
      }
    }
  });
});

describe("query plans", () => {
  it.each([
    ["model_versions", "model_versions_sha256_unique"],
    ["dataset_versions", "dataset_versions_sha256_unique"],
  ])("finds %s by hash through an index", (table, indexName) => {
    const database = new Database(createStore(), { readonly: true });

    const plan = database
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM ${table} WHERE sha256 = ?`)
      .all("a".repeat(64)) as { detail: string }[];
    database.close();

    expect(plan.map((step) => step.detail).join("\n")).toContain(
      `USING INDEX ${indexName}`,
    );
  });
});

describe("upgrades", () => {
  /**
   * Makes a current store look like one written with only the first
   * migration: no append-only triggers and no evaluations.warnings column.
   */
  function downgrade(storePath: string): void {
    const database = new Database(storePath);
    database.exec(
      "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;",
    );
    database.exec("ALTER TABLE evaluations DROP COLUMN warnings");
    database
      .prepare(
        "DELETE FROM __drizzle_migrations WHERE created_at > (SELECT min(created_at) FROM __drizzle_migrations)",
      )
      .run();
    database.pragma("journal_mode = DELETE");
    database.close();
  }

  it("leaves an older store as it was until used", () => {
    const storePath = createStore();
    downgrade(storePath);
    const bytesBefore = fs.readFileSync(storePath);

    openStore({ storePath }).close();

    expect(fs.readFileSync(storePath).equals(bytesBefore)).toBe(true);
  });

  it("migrates an older store on first use", () => {
    const storePath = createStore();
    downgrade(storePath);

    const store = openStore({ storePath });
    const models = store.listModels();
    store.close();

    const database = new Database(storePath, { readonly: true });
    const triggers = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .all();
    const columns = database
      .prepare("SELECT name FROM pragma_table_info('evaluations')")
      .all()
      .map((column) => (column as { name: string }).name);
    const oldRowWarnings = (
      database.prepare("SELECT warnings FROM evaluations").get() as {
        warnings: string;
      }
    ).warnings;
    database.close();
    expect(models).toHaveLength(1);
    expect(triggers).toHaveLength(2);
    expect(columns).toContain("warnings");
    expect(oldRowWarnings).toBe("[]");
  });

  it("asks for write access to upgrade", () => {
    const storePath = createStore();
    downgrade(storePath);

    const failure = storeError(() =>
      openStore({ storePath, isReadOnly: true }),
    );

    expect(failure.code).toBe("storeUnusable");
    expect(failure.message).toContain("needs an upgrade");
  });

  it("calls an empty file empty, not older", () => {
    const storePath = storeIn(makeTempFolder());
    fs.writeFileSync(storePath, "");

    const failure = storeError(() =>
      openStore({ storePath, isReadOnly: true }),
    );

    expect(failure.message).toContain("is empty");
  });
});
