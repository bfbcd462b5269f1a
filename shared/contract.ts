import { z } from "zod";

/**
 * The operations that every host (command line, Electron IPC, browser-mode
 * HTTP) exposes. Each has a zod schema for its request and its response, and
 * hosts parse requests from `unknown` before calling the engine.
 */

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const taskSchema = z.enum(["classification", "regression"]);
export type Task = z.infer<typeof taskSchema>;

export const delimiterSchema = z.enum([",", ";", "\t", " "]);
export type Delimiter = z.infer<typeof delimiterSchema>;

/**
 * A name under which a model or dataset is registered: a letter or digit,
 * then up to 127 letters, digits, dots, underscores or hyphens.
 */
export const artifactNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const artifactNameSchema = z
  .string()
  .regex(
    artifactNamePattern,
    "must be 1 to 128 letters, digits, dots, underscores or hyphens, starting with a letter or digit",
  );

/** The decision threshold of a classification when the request gives none. */
export const defaultThreshold = 0.5;

export const evaluateRequestSchema = z.object({
  modelPath: z.string().min(1),
  dataPath: z.string().min(1),
  labelColumn: z.string().min(1),
  /** The positive label as written in the data; classification only. */
  positiveLabel: z.string().optional(),
  /** The model's class that stands for `positiveLabel`; classification only. */
  positiveClass: z.string().optional(),
  /**
   * P(positive) at or above which a row is predicted positive; classification
   * with probabilities only. `defaultThreshold` when absent.
   */
  threshold: z.number().gt(0).lt(1).optional(),
  /**
   * The name under which a new model is registered, instead of its file
   * name. A model file already in the store keeps its name and version.
   */
  modelName: artifactNameSchema.optional(),
  /** Like `modelName`, for the data file. */
  datasetName: artifactNameSchema.optional(),
  /** Column names for a file without a header line. */
  columns: z.array(z.string().min(1)).min(1).optional(),
  /** Feature order for a model with one 2-D input. */
  features: z.array(z.string().min(1)).min(1).optional(),
  task: taskSchema.optional(),
  delimiter: delimiterSchema.optional(),
  missingValues: z.array(z.string()).optional(),
  batchSize: z.number().int().positive().max(1_000_000).default(4096),
});
export type EvaluateRequest = z.input<typeof evaluateRequestSchema>;
export type ParsedEvaluateRequest = z.output<typeof evaluateRequestSchema>;

const metricValue = z.number().nullable();

export const classificationMetricsSchema = z.object({
  accuracy: metricValue,
  precision: metricValue,
  recall: metricValue,
  f1: metricValue,
  rocAuc: metricValue,
  logLoss: metricValue,
  brier: metricValue,
  /** `[[tn, fp], [fn, tp]]`: rows are true labels, columns predictions. */
  confusionMatrix: z.tuple([
    z.tuple([z.number().int(), z.number().int()]),
    z.tuple([z.number().int(), z.number().int()]),
  ]),
});
export type ClassificationMetrics = z.infer<typeof classificationMetricsSchema>;

export const regressionMetricsSchema = z.object({
  mae: metricValue,
  rmse: metricValue,
  r2: metricValue,
});
export type RegressionMetrics = z.infer<typeof regressionMetricsSchema>;

/** Points of a ROC curve, from (0, 0) to (1, 1). */
export const rocCurveSchema = z.object({
  falsePositiveRate: z.array(z.number()),
  truePositiveRate: z.array(z.number()),
});
export type RocCurve = z.infer<typeof rocCurveSchema>;

export const modelIdentitySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  sha256: sha256Schema,
  sizeBytes: z.number().int().nonnegative(),
  path: z.string(),
});

export const datasetIdentitySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  sha256: sha256Schema,
  sizeBytes: z.number().int().nonnegative(),
  path: z.string(),
  rowCount: z.number().int().nonnegative(),
  /** Missing cells per column, for the columns that have any. */
  missingValues: z.record(z.string(), z.number().int().positive()),
});

const evaluationCommon = {
  evaluationId: z.string(),
  rows: z.number().int().nonnegative(),
  model: modelIdentitySchema,
  dataset: datasetIdentitySchema,
  labelColumn: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  dossierVersion: z.string(),
  /** The local account that ran the evaluation. */
  actor: z.string(),
  /** Data columns bound to the model's inputs, in the order it reads them. */
  featureColumns: z.array(z.string()),
  /** Software that computed the result, for reproducing it. */
  runtime: z.object({
    onnxruntime: z.string(),
    node: z.string(),
    platform: z.string(),
  }),
  /** Metric name to the reason it is not defined, for each `null` metric. */
  undefinedMetrics: z.record(z.string(), z.string()),
  /**
   * Sentences about metrics that look wrong although the evaluation
   * succeeded, such as a ROC AUC below 0.5; empty when there are none.
   */
  warnings: z.array(z.string()),
  timings: z.object({
    readMs: z.number(),
    inferenceMs: z.number(),
    totalMs: z.number(),
  }),
};

export const classificationResultSchema = z.object({
  ...evaluationCommon,
  task: z.literal("classification"),
  positiveLabel: z.string(),
  /** The other label in the data, or null when every row is positive. */
  negativeLabel: z.string().nullable(),
  positiveClass: z.string(),
  /** The decision threshold, or null when the model outputs labels only. */
  threshold: z.number().nullable(),
  hasProbabilities: z.boolean(),
  metrics: classificationMetricsSchema,
  rocCurve: rocCurveSchema.nullable(),
});

export const regressionResultSchema = z.object({
  ...evaluationCommon,
  task: z.literal("regression"),
  metrics: regressionMetricsSchema,
});

export const evaluationResultSchema = z.discriminatedUnion("task", [
  classificationResultSchema,
  regressionResultSchema,
]);
export type ClassificationResult = z.infer<typeof classificationResultSchema>;
export type RegressionResult = z.infer<typeof regressionResultSchema>;
export type EvaluationResult = z.infer<typeof evaluationResultSchema>;

export const modelSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  versions: z.array(
    z.object({
      id: z.string(),
      version: z.number().int().positive(),
      sha256: sha256Schema,
      sizeBytes: z.number().int().nonnegative(),
      producer: z.string().nullable(),
      registeredAt: z.iso.datetime(),
    }),
  ),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const datasetSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  versions: z.array(
    z.object({
      id: z.string(),
      version: z.number().int().positive(),
      sha256: sha256Schema,
      path: z.string(),
      rowCount: z.number().int().nonnegative(),
      columnCount: z.number().int().nonnegative(),
      registeredAt: z.iso.datetime(),
    }),
  ),
});
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

export const evaluationSummarySchema = z.object({
  id: z.string(),
  task: taskSchema,
  modelName: z.string(),
  modelVersion: z.number().int().positive(),
  datasetName: z.string(),
  datasetVersion: z.number().int().positive(),
  labelColumn: z.string(),
  rowCount: z.number().int().nonnegative(),
  /** The headline metric: accuracy for classification, R² for regression. */
  headlineMetric: z.object({ name: z.string(), value: z.number().nullable() }),
  finishedAt: z.iso.datetime(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

const emptyRequest = z.object({}).strict();

export const operations = {
  listModels: {
    request: emptyRequest,
    response: z.array(modelSummarySchema),
  },
  listDatasets: {
    request: emptyRequest,
    response: z.array(datasetSummarySchema),
  },
  listEvaluations: {
    request: emptyRequest,
    response: z.array(evaluationSummarySchema),
  },
  evaluate: {
    request: evaluateRequestSchema,
    response: evaluationResultSchema,
  },
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationRequest<Name extends OperationName> = z.input<
  Operations[Name]["request"]
>;
export type OperationResponse<Name extends OperationName> = z.output<
  Operations[Name]["response"]
>;

export const operationNameSchema = z.enum(
  Object.keys(operations) as [OperationName, ...OperationName[]],
);

export const errorCodeSchema = z.enum([
  "checkFailed",
  "invalidInput",
  "ruleViolation",
  "storeUnusable",
  "internal",
]);

export const failureSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: errorCodeSchema, message: z.string() }),
});

export type Result<Value> =
  { ok: true; value: Value } | z.infer<typeof failureSchema>;

/** The one IPC channel; its message is `{ operation, request }`. */
export const invokeChannel = "dossier:invoke";

export const invocationSchema = z.object({
  operation: operationNameSchema,
  request: z.unknown(),
});
export type Invocation = z.infer<typeof invocationSchema>;

/** Parses a host's reply to `operation` from `unknown`. */
export function parseResult<Name extends OperationName>(
  operation: Name,
  reply: unknown,
): Result<OperationResponse<Name>> {
  const failure = failureSchema.safeParse(reply);
  if (failure.success) {
    return failure.data;
  }
  const success = z
    .object({ ok: z.literal(true), value: operations[operation].response })
    .safeParse(reply);
  if (success.success) {
    return { ok: true, value: success.data.value as OperationResponse<Name> };
  }
  return {
    ok: false,
    error: {
      code: "internal",
      message: `Invalid reply to ${operation}: ${success.error.message}`,
    },
  };
}
