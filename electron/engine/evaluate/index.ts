import { randomUUID } from "node:crypto";
import type {
  EvaluationResult,
  ParsedEvaluateRequest,
} from "../../../shared/contract";
import { invalidInput } from "../errors";
import { createLogger } from "../log";
import { onnxruntimeVersion } from "../onnx/run";
import type { Store } from "../store";
import { dossierVersion } from "../version";
import { readInputs } from "./inputs";
import { evaluateClassifier, evaluateRegressor } from "./outcomes";
import { resolveTask } from "./targets";

const log = createLogger("evaluate");

/**
 * Evaluates an ONNX model on a labelled CSV file and records the evaluation,
 * with the model and dataset versions it used, in the store. Nothing is
 * written unless the whole evaluation succeeds.
 */
export async function evaluate(
  store: Store,
  request: ParsedEvaluateRequest,
): Promise<EvaluationResult> {
  const startedAt = new Date();
  const started = performance.now();
  const inputs = await readInputs(request);
  const readMs = performance.now() - started;

  const task = resolveTask(inputs.model, request.task);
  if (task === "regression") {
    rejectClassificationOptions(request, inputs.modelPath);
  }
  const outcome =
    task === "classification"
      ? await evaluateClassifier(inputs)
      : await evaluateRegressor(inputs);
  const finishedAt = new Date();

  const evaluationId = randomUUID();
  const runtime = {
    onnxruntime: onnxruntimeVersion(),
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
  };
  const recorded = store.recordEvaluation(
    inputs.modelArtifact,
    inputs.datasetArtifact,
    {
      id: evaluationId,
      task,
      labelColumn: request.labelColumn,
      positiveLabel:
        outcome.task === "classification" ? outcome.positiveLabel : null,
      positiveClass:
        outcome.task === "classification" ? outcome.positiveClass : null,
      threshold: outcome.task === "classification" ? outcome.threshold : null,
      rowCount: inputs.table.rowCount,
      metrics: outcome.metrics,
      undefinedMetrics: outcome.undefinedMetrics,
      curves:
        outcome.task === "classification" && outcome.rocCurve !== null
          ? { roc: outcome.rocCurve }
          : {},
      warnings: outcome.warnings,
      options: {
        columns: request.columns ?? null,
        features: request.features ?? null,
        delimiter: inputs.table.delimiter,
        missingValues: request.missingValues ?? null,
        batchSize: request.batchSize,
        featureColumns: outcome.featureColumns,
        runtime,
      },
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      dossierVersion,
    },
  );
  const totalMs = performance.now() - started;
  log.info(
    { evaluationId, rows: inputs.table.rowCount, readMs, totalMs },
    "evaluation finished",
  );

  const common = {
    evaluationId,
    runtime,
    rows: inputs.table.rowCount,
    model: {
      id: recorded.modelVersion.id,
      name: recorded.modelVersion.name,
      version: recorded.modelVersion.version,
      sha256: inputs.modelArtifact.sha256,
      sizeBytes: inputs.modelArtifact.sizeBytes,
      path: inputs.modelPath,
    },
    dataset: {
      id: recorded.datasetVersion.id,
      name: recorded.datasetVersion.name,
      version: recorded.datasetVersion.version,
      sha256: inputs.datasetArtifact.sha256,
      sizeBytes: inputs.datasetArtifact.sizeBytes,
      path: inputs.datasetArtifact.sourcePath,
      rowCount: inputs.table.rowCount,
      missingValues: Object.fromEntries(
        inputs.table.columns
          .filter((column) => column.missingCount > 0)
          .map((column) => [column.name, column.missingCount]),
      ),
    },
    labelColumn: request.labelColumn,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    dossierVersion,
    actor: recorded.actor,
    timings: { readMs, inferenceMs: outcome.inferenceMs, totalMs },
  };
  const { inferenceMs: _inferenceMs, ...result } = outcome;
  return { ...common, ...result } as EvaluationResult;
}

/**
 * Rejects the request's classification options on a regression, where they
 * would be ignored without a word.
 */
function rejectClassificationOptions(
  request: ParsedEvaluateRequest,
  modelPath: string,
): void {
  const presentOptions = [
    ["--positive", request.positiveLabel],
    ["--positive-class", request.positiveClass],
    ["--threshold", request.threshold],
  ].filter(([, value]) => value !== undefined);
  if (presentOptions.length === 0) {
    return;
  }
  const options = presentOptions.map(([option]) => option).join(", ");
  const origin =
    request.task === "regression"
      ? "--task"
      : "the model's estimator and outputs";
  const verb = presentOptions.length === 1 ? "applies" : "apply";
  throw invalidInput(
    `${options} ${verb} to classification only, but ${modelPath} is evaluated as a regression (from ${origin}); ` +
      `drop ${options}, or pass --task classification if the model is a classifier.`,
  );
}
