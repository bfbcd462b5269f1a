import { asc, desc, eq } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type {
  DatasetSummary,
  EvaluationSummary,
  ModelSummary,
} from "../../../shared/contract";
import type { DatasetColumn } from "./types";
import {
  datasetVersions,
  datasets,
  evaluations,
  modelVersions,
  models,
} from "./schema";

export function listModels(database: BetterSQLite3Database): ModelSummary[] {
  const rows = database
    .select({ model: models, version: modelVersions })
    .from(models)
    .leftJoin(modelVersions, eq(modelVersions.modelId, models.id))
    .orderBy(asc(models.name), asc(modelVersions.version))
    .all();

  const byId = new Map<string, ModelSummary>();
  for (const { model, version } of rows) {
    const summary = byId.get(model.id) ?? {
      id: model.id,
      name: model.name,
      createdAt: model.createdAt,
      versions: [],
    };
    byId.set(model.id, summary);
    if (version !== null) {
      summary.versions.push({
        id: version.id,
        version: version.version,
        sha256: version.sha256,
        sizeBytes: version.sizeBytes,
        producer: formatProducer(version.producerName, version.producerVersion),
        registeredAt: version.registeredAt,
      });
    }
  }
  return [...byId.values()];
}

function formatProducer(
  name: string | null,
  version: string | null,
): string | null {
  if (name === null || name === "") {
    return null;
  }
  return version === null || version === "" ? name : `${name} ${version}`;
}

export function listDatasets(
  database: BetterSQLite3Database,
): DatasetSummary[] {
  const rows = database
    .select({ dataset: datasets, version: datasetVersions })
    .from(datasets)
    .leftJoin(datasetVersions, eq(datasetVersions.datasetId, datasets.id))
    .orderBy(asc(datasets.name), asc(datasetVersions.version))
    .all();

  const byId = new Map<string, DatasetSummary>();
  for (const { dataset, version } of rows) {
    const summary = byId.get(dataset.id) ?? {
      id: dataset.id,
      name: dataset.name,
      createdAt: dataset.createdAt,
      versions: [],
    };
    byId.set(dataset.id, summary);
    if (version !== null) {
      summary.versions.push({
        id: version.id,
        version: version.version,
        sha256: version.sha256,
        path: version.sourcePath,
        rowCount: version.rowCount,
        columnCount: (version.columns as DatasetColumn[]).length,
        registeredAt: version.registeredAt,
      });
    }
  }
  return [...byId.values()];
}

export function listEvaluations(
  database: BetterSQLite3Database,
): EvaluationSummary[] {
  const rows = database
    .select({
      id: evaluations.id,
      task: evaluations.task,
      modelName: models.name,
      modelVersion: modelVersions.version,
      datasetName: datasets.name,
      datasetVersion: datasetVersions.version,
      labelColumn: evaluations.labelColumn,
      rowCount: evaluations.rowCount,
      metrics: evaluations.metrics,
      finishedAt: evaluations.finishedAt,
    })
    .from(evaluations)
    .innerJoin(modelVersions, eq(modelVersions.id, evaluations.modelVersionId))
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .innerJoin(
      datasetVersions,
      eq(datasetVersions.id, evaluations.datasetVersionId),
    )
    .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
    .orderBy(desc(evaluations.finishedAt))
    .all();

  return rows.map(({ metrics, ...row }) => ({
    ...row,
    headlineMetric: headlineMetric(row.task, metrics),
  }));
}

function headlineMetric(
  task: EvaluationSummary["task"],
  metrics: unknown,
): EvaluationSummary["headlineMetric"] {
  const name = task === "classification" ? "accuracy" : "r2";
  const value = (metrics as Record<string, unknown>)[name];
  return { name, value: typeof value === "number" ? value : null };
}
