import { randomUUID } from "node:crypto";
import { eq, max } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { appendAuditEvent } from "./audit";
import { datasetVersions, datasets, modelVersions, models } from "./schema";
import type {
  DatasetArtifact,
  ModelArtifact,
  RegisteredVersion,
} from "./types";

export type ChangeContext = { actor: string; now: string };

/**
 * Finds the model version whose artifact has this SHA-256, or registers it:
 * under the model named `artifact.name` (created when missing), as that
 * model's next version number.
 */
export function registerModelVersion(
  transaction: BetterSQLite3Database,
  artifact: ModelArtifact,
  context: ChangeContext,
): RegisteredVersion {
  const existing = transaction
    .select({
      id: modelVersions.id,
      version: modelVersions.version,
      name: models.name,
    })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(eq(modelVersions.sha256, artifact.sha256))
    .get();
  if (existing !== undefined) {
    return { ...existing, isNew: false };
  }

  const modelId = findOrCreateModel(transaction, artifact.name, context);
  const latest = transaction
    .select({ version: max(modelVersions.version) })
    .from(modelVersions)
    .where(eq(modelVersions.modelId, modelId))
    .get();
  const version = (latest?.version ?? 0) + 1;
  const id = randomUUID();

  transaction
    .insert(modelVersions)
    .values({
      id,
      modelId,
      version,
      sha256: artifact.sha256,
      sizeBytes: artifact.sizeBytes,
      sourcePath: artifact.sourcePath,
      producerName: artifact.producerName,
      producerVersion: artifact.producerVersion,
      irVersion: artifact.irVersion,
      opsets: artifact.opsets,
      inputs: artifact.inputs,
      outputs: artifact.outputs,
      metadata: artifact.metadata,
      registeredAt: context.now,
      registeredBy: context.actor,
    })
    .run();
  appendAuditEvent(transaction, {
    actor: context.actor,
    action: "modelVersion.register",
    entityType: "modelVersion",
    entityId: id,
    occurredAt: context.now,
    payload: {
      modelId,
      name: artifact.name,
      version,
      sha256: artifact.sha256,
      sizeBytes: artifact.sizeBytes,
    },
  });
  return { id, name: artifact.name, version, isNew: true };
}

function findOrCreateModel(
  transaction: BetterSQLite3Database,
  name: string,
  context: ChangeContext,
): string {
  const existing = transaction
    .select({ id: models.id })
    .from(models)
    .where(eq(models.name, name))
    .get();
  if (existing !== undefined) {
    return existing.id;
  }

  const id = randomUUID();
  transaction
    .insert(models)
    .values({ id, name, createdAt: context.now, createdBy: context.actor })
    .run();
  appendAuditEvent(transaction, {
    actor: context.actor,
    action: "model.create",
    entityType: "model",
    entityId: id,
    occurredAt: context.now,
    payload: { name },
  });
  return id;
}

/**
 * Finds the dataset version whose file has this SHA-256, or registers it as
 * the next version of the dataset named `artifact.name`.
 */
export function registerDatasetVersion(
  transaction: BetterSQLite3Database,
  artifact: DatasetArtifact,
  context: ChangeContext,
): RegisteredVersion {
  const existing = transaction
    .select({
      id: datasetVersions.id,
      version: datasetVersions.version,
      name: datasets.name,
    })
    .from(datasetVersions)
    .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
    .where(eq(datasetVersions.sha256, artifact.sha256))
    .get();
  if (existing !== undefined) {
    return { ...existing, isNew: false };
  }

  const datasetId = findOrCreateDataset(transaction, artifact.name, context);
  const latest = transaction
    .select({ version: max(datasetVersions.version) })
    .from(datasetVersions)
    .where(eq(datasetVersions.datasetId, datasetId))
    .get();
  const version = (latest?.version ?? 0) + 1;
  const id = randomUUID();

  transaction
    .insert(datasetVersions)
    .values({
      id,
      datasetId,
      version,
      sha256: artifact.sha256,
      sizeBytes: artifact.sizeBytes,
      sourcePath: artifact.sourcePath,
      rowCount: artifact.rowCount,
      columns: artifact.columns,
      delimiter: artifact.delimiter,
      hasHeader: artifact.hasHeader,
      registeredAt: context.now,
      registeredBy: context.actor,
    })
    .run();
  appendAuditEvent(transaction, {
    actor: context.actor,
    action: "datasetVersion.register",
    entityType: "datasetVersion",
    entityId: id,
    occurredAt: context.now,
    payload: {
      datasetId,
      name: artifact.name,
      version,
      sha256: artifact.sha256,
      rowCount: artifact.rowCount,
      columnNames: artifact.columns.map((column) => column.name),
    },
  });
  return { id, name: artifact.name, version, isNew: true };
}

function findOrCreateDataset(
  transaction: BetterSQLite3Database,
  name: string,
  context: ChangeContext,
): string {
  const existing = transaction
    .select({ id: datasets.id })
    .from(datasets)
    .where(eq(datasets.name, name))
    .get();
  if (existing !== undefined) {
    return existing.id;
  }

  const id = randomUUID();
  transaction
    .insert(datasets)
    .values({ id, name, createdAt: context.now, createdBy: context.actor })
    .run();
  appendAuditEvent(transaction, {
    actor: context.actor,
    action: "dataset.create",
    entityType: "dataset",
    entityId: id,
    occurredAt: context.now,
    payload: { name },
  });
  return id;
}
