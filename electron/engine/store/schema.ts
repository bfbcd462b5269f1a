import {
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/*
 * The lineage store's tables. Times are ISO 8601 strings in UTC; JSON columns
 * hold values already validated by the engine. Row types stay inside the
 * store module: callers receive domain types from its named functions.
 */

const timestamp = (name: string) => text(name).notNull();

export const models = sqliteTable("models", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at"),
  createdBy: text("created_by").notNull(),
});

export const modelVersions = sqliteTable(
  "model_versions",
  {
    id: text("id").primaryKey(),
    modelId: text("model_id")
      .notNull()
      .references(() => models.id),
    version: integer("version").notNull(),
    sha256: text("sha256").notNull().unique(),
    sizeBytes: integer("size_bytes").notNull(),
    /** The path the artifact had when it was registered. */
    sourcePath: text("source_path").notNull(),
    producerName: text("producer_name"),
    producerVersion: text("producer_version"),
    irVersion: integer("ir_version"),
    opsets: text("opsets", { mode: "json" }).notNull(),
    inputs: text("inputs", { mode: "json" }).notNull(),
    outputs: text("outputs", { mode: "json" }).notNull(),
    metadata: text("metadata", { mode: "json" }).notNull(),
    registeredAt: timestamp("registered_at"),
    registeredBy: text("registered_by").notNull(),
  },
  (table) => [
    uniqueIndex("model_versions_model_version").on(
      table.modelId,
      table.version,
    ),
  ],
);

export const datasets = sqliteTable("datasets", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: timestamp("created_at"),
  createdBy: text("created_by").notNull(),
});

export const datasetVersions = sqliteTable(
  "dataset_versions",
  {
    id: text("id").primaryKey(),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id),
    version: integer("version").notNull(),
    sha256: text("sha256").notNull().unique(),
    sizeBytes: integer("size_bytes").notNull(),
    /** The file is referenced, never copied: it may hold personal data. */
    sourcePath: text("source_path").notNull(),
    rowCount: integer("row_count").notNull(),
    columns: text("columns", { mode: "json" }).notNull(),
    delimiter: text("delimiter").notNull(),
    hasHeader: integer("has_header", { mode: "boolean" }).notNull(),
    registeredAt: timestamp("registered_at"),
    registeredBy: text("registered_by").notNull(),
  },
  (table) => [
    uniqueIndex("dataset_versions_dataset_version").on(
      table.datasetId,
      table.version,
    ),
  ],
);

export const evaluations = sqliteTable(
  "evaluations",
  {
    id: text("id").primaryKey(),
    modelVersionId: text("model_version_id")
      .notNull()
      .references(() => modelVersions.id),
    datasetVersionId: text("dataset_version_id")
      .notNull()
      .references(() => datasetVersions.id),
    task: text("task", { enum: ["classification", "regression"] }).notNull(),
    labelColumn: text("label_column").notNull(),
    positiveLabel: text("positive_label"),
    positiveClass: text("positive_class"),
    threshold: real("threshold"),
    rowCount: integer("row_count").notNull(),
    metrics: text("metrics", { mode: "json" }).notNull(),
    undefinedMetrics: text("undefined_metrics", { mode: "json" }).notNull(),
    /** Curves behind the metrics, such as the ROC curve, for reports. */
    curves: text("curves", { mode: "json" }).notNull(),
    /** Sentences that flag a doubtful result, such as a ROC AUC below 0.5. */
    warnings: text("warnings", { mode: "json" }).notNull().default([]),
    /** Read and binding options: columns, features, delimiter, batch size. */
    options: text("options", { mode: "json" }).notNull(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
    dossierVersion: text("dossier_version").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (table) => [
    index("evaluations_model_version").on(table.modelVersionId),
    index("evaluations_dataset_version").on(table.datasetVersionId),
  ],
);

/**
 * Append-only log of every change, written in the change's transaction.
 * Triggers reject UPDATE and DELETE. Each event's hash covers its canonical
 * JSON and the previous event's hash, so a later verifier can find the first
 * altered event.
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    sequence: integer("sequence").primaryKey({ autoIncrement: true }),
    occurredAt: timestamp("occurred_at"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    payload: text("payload", { mode: "json" }).notNull(),
    previousHash: text("previous_hash"),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_events_entity").on(table.entityType, table.entityId),
  ],
);
