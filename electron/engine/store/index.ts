import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import {
  drizzle,
  type BetterSQLite3Database,
} from "drizzle-orm/better-sqlite3";
import type {
  DatasetSummary,
  EvaluationSummary,
  ModelSummary,
} from "../../../shared/contract";
import { DossierError } from "../errors";
import { createLogger } from "../log";
import { appendAuditEvent } from "./audit";
import { migrateStore } from "./migrate";
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
 * Opens the store at `storePath`, creating the file and its folder when they
 * do not exist, and applies pending migrations.
 *
 * @throws DossierError `storeUnusable` when the file is not a Dossier store,
 * is corrupt, or was written by a newer Dossier.
 */
export function openStore(options: OpenStoreOptions): Store {
  const storePath = path.resolve(options.storePath);
  const client = openClient(storePath, options.nativeBinding);
  const database = drizzle({ client });

  try {
    migrateStore(database, client, storePath);
  } catch (error) {
    client.close();
    throw asStoreError(error, storePath);
  }
  log.debug({ storePath }, "store opened");

  return {
    path: storePath,
    recordEvaluation: (model, dataset, evaluation) =>
      recordEvaluation(database, model, dataset, evaluation),
    listModels: () => listModels(database),
    listDatasets: () => listDatasets(database),
    listEvaluations: () => listEvaluations(database),
    close: () => client.close(),
  };
}

function openClient(
  storePath: string,
  nativeBinding: string | undefined,
): Database.Database {
  try {
    fs.mkdirSync(path.dirname(storePath), { recursive: true });
    const client = new Database(
      storePath,
      nativeBinding === undefined ? {} : { nativeBinding },
    );
    client.pragma("journal_mode = WAL");
    client.pragma("foreign_keys = ON");
    client.pragma("synchronous = FULL");
    client.pragma("busy_timeout = 5000");
    return client;
  } catch (error) {
    throw asStoreError(error, storePath);
  }
}

function asStoreError(error: unknown, storePath: string): DossierError {
  if (error instanceof DossierError) {
    return error;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DossierError(
    "storeUnusable",
    `Cannot use the store ${storePath}: ${reason}. ` +
      "Check the path, or pass --store with another file.",
    { cause: error },
  );
}

function recordEvaluation(
  database: BetterSQLite3Database,
  model: ModelArtifact,
  dataset: DatasetArtifact,
  evaluation: EvaluationRecord,
): RecordedEvaluation {
  const context = { actor: currentActor(), now: new Date().toISOString() };
  const started = performance.now();

  const recorded = database.transaction((transaction) => {
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
  });
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
