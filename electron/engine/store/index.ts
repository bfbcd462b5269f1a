import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import {
  drizzle,
  type BetterSQLite3Database,
} from "drizzle-orm/better-sqlite3";
import type {
  DatasetSummary,
  EvaluationSummary,
  ModelSummary,
} from "../../../shared/contract";
import { DossierError, invariant } from "../errors";
import { createLogger } from "../log";
import { appendAuditEvent } from "./audit";
import { connect, prepareFolder, toStoreError, upgrade } from "./connection";
import { listDatasets, listEvaluations, listModels } from "./queries";
import { registerDatasetVersion, registerModelVersion } from "./registry";
import { evaluations } from "./schema";
import type {
  DatasetArtifact,
  EvaluationRecord,
  ModelArtifact,
  RegisteredVersion,
} from "./types";

export type * from "./types";

const log = createLogger("store");

export type OpenStoreOptions = {
  storePath: string;
  /** better-sqlite3's native addon built for another runtime (Electron). */
  nativeBinding?: string;
  /** Opens an existing store for reading only: nothing is created or migrated. */
  isReadOnly?: boolean;
  /** Creates missing folders of `storePath`, as for the default store. */
  canCreateFolder?: boolean;
};

export type RecordedEvaluation = {
  modelVersion: RegisteredVersion;
  datasetVersion: RegisteredVersion;
  evaluationId: string;
  /** The local account recorded as having run the evaluation. */
  actor: string;
};

export type Store = {
  readonly path: string;
  /**
   * Registers the model and dataset versions unless their hashes are known,
   * and records the evaluation, in one transaction with its audit events.
   */
  recordEvaluation(
    model: ModelArtifact,
    dataset: DatasetArtifact,
    evaluation: EvaluationRecord,
  ): RecordedEvaluation;
  listModels(): ModelSummary[];
  listDatasets(): DatasetSummary[];
  listEvaluations(): EvaluationSummary[];
  close(): void;
};

/**
 * Opens the store at `storePath`. An existing file is checked and migrated at
 * once. A missing file is created only when the first change is recorded, so
 * a failed evaluation leaves no file behind. Until then, lists are empty.
 *
 * @throws DossierError `storeUnusable` when the file is not a Dossier store,
 * is corrupt, was written by a newer Dossier, or (read-only) does not exist.
 */
export function openStore(options: OpenStoreOptions): Store {
  const storePath = path.resolve(options.storePath);
  const isReadOnly = options.isReadOnly ?? false;
  const connectionOptions = {
    storePath,
    isReadOnly,
    nativeBinding: options.nativeBinding,
  };
  let client: Database.Database | undefined;
  /** The drizzle handle, made once the store is connected and upgraded. */
  let ready: BetterSQLite3Database | undefined;

  if (fs.existsSync(storePath)) {
    client = connect(connectionOptions);
  } else if (isReadOnly) {
    throw new DossierError(
      "storeUnusable",
      `There is no store at ${storePath}. Check --store or DOSSIER_STORE, ` +
        "or create the store by running dossier evaluate with that path.",
    );
  }

  /** Returns the database, connecting when the file has appeared or a write needs it. */
  function database(isWrite: boolean): BetterSQLite3Database | null {
    if (ready !== undefined) {
      return ready;
    }
    if (client === undefined) {
      if (!isWrite && !fs.existsSync(storePath)) {
        return null;
      }
      prepareFolder(storePath, options.canCreateFolder ?? false);
      client = connect(connectionOptions);
      log.debug({ storePath }, "store created");
    }
    if (!isReadOnly) {
      upgrade(client, storePath);
    }
    ready = drizzle({ client });
    return ready;
  }

  function guard<Value>(use: () => Value): Value {
    try {
      return use();
    } catch (error) {
      throw toStoreError(error, storePath);
    }
  }

  function list<Value>(
    query: (database: BetterSQLite3Database) => Value[],
  ): Value[] {
    return guard(() => {
      const opened = database(false);
      return opened === null ? [] : query(opened);
    });
  }

  return {
    path: storePath,
    recordEvaluation: (model, dataset, evaluation) =>
      guard(() => {
        const opened = database(true);
        invariant(opened !== null, "a write opens the store");
        return recordEvaluation(opened, model, dataset, evaluation);
      }),
    listModels: () => list(listModels),
    listDatasets: () => list(listDatasets),
    listEvaluations: () => list(listEvaluations),
    close: () => client?.close(),
  };
}

function recordEvaluation(
  database: BetterSQLite3Database,
  model: ModelArtifact,
  dataset: DatasetArtifact,
  evaluation: EvaluationRecord,
): RecordedEvaluation {
  const context = { actor: currentActor(), now: new Date().toISOString() };
  const started = performance.now();

  // IMMEDIATE takes the write lock first, so a concurrent writer makes this
  // wait for the busy timeout instead of failing on a read-to-write upgrade.
  const recorded = database.transaction(
    (transaction) => {
      const modelVersion = registerModelVersion(transaction, model, context);
      const datasetVersion = registerDatasetVersion(
        transaction,
        dataset,
        context,
      );
      transaction
        .insert(evaluations)
        .values({
          ...evaluation,
          modelVersionId: modelVersion.id,
          datasetVersionId: datasetVersion.id,
          createdBy: context.actor,
        })
        .run();
      appendAuditEvent(transaction, {
        actor: context.actor,
        action: "evaluation.record",
        entityType: "evaluation",
        entityId: evaluation.id,
        occurredAt: context.now,
        payload: {
          modelVersionId: modelVersion.id,
          datasetVersionId: datasetVersion.id,
          task: evaluation.task,
          rowCount: evaluation.rowCount,
          metrics: evaluation.metrics,
        },
      });
      return {
        modelVersion,
        datasetVersion,
        evaluationId: evaluation.id,
        actor: context.actor,
      };
    },
    { behavior: "immediate" },
  );
  log.info(
    {
      evaluationId: evaluation.id,
      isNewModelVersion: recorded.modelVersion.isNew,
      isNewDatasetVersion: recorded.datasetVersion.isNew,
      durationMs: performance.now() - started,
    },
    "evaluation recorded",
  );
  return recorded;
}

/** Returns the local account that makes a change, for its audit event. */
function currentActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return "unknown";
  }
}
