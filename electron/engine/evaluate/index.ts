import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import type {
  ClassificationResult,
  EvaluationResult,
  ParsedEvaluateRequest,
  RegressionResult,
} from "../../../shared/contract";
import { readCsvFile, type CsvTable } from "../csv";
import { findColumn, type Column } from "../data/table";
import { invariant, invalidInput, type DossierError } from "../errors";
import { sha256Hex } from "../hash";
import { createLogger } from "../log";
import {
  computeClassificationMetrics,
  computeRegressionMetrics,
} from "../metrics";
import { bindInputs } from "../onnx/bind";
import { inspectModel, type ModelInspection } from "../onnx/inspect";
import { createSession, runInBatches } from "../onnx/run";
import type { DatasetArtifact, ModelArtifact, Store } from "../store";
import { dossierVersion } from "../version";
import {
  labelPredictions,
  positiveScores,
  regressionPredictions,
  thresholdPredictions,
} from "./predictions";
import {
  readLabels,
  resolvePositiveClass,
  resolvePositiveLabel,
  resolveTask,
  selectClassifierOutputs,
  selectRegressionOutput,
} from "./targets";

const log = createLogger("evaluate");

/** The data and model as read, before the model runs. */
type Inputs = {
  request: ParsedEvaluateRequest;
  modelPath: string;
  modelBytes: Uint8Array;
  model: ModelInspection;
  modelArtifact: ModelArtifact;
  table: CsvTable;
  datasetArtifact: DatasetArtifact;
  labelColumn: Column;
};

type Measured<Metrics> = {
  metrics: Metrics;
  undefinedMetrics: Record<string, string>;
  inferenceMs: number;
};

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
  const outcome =
    task === "classification"
      ? await evaluateClassifier(inputs)
      : await evaluateRegressor(inputs);
  const finishedAt = new Date();

  const evaluationId = randomUUID();
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
      options: {
        columns: request.columns ?? null,
        features: request.features ?? null,
        delimiter: inputs.table.delimiter,
        missingValues: request.missingValues ?? null,
        batchSize: request.batchSize,
      },
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      dossierVersion,
    },
  );
  const totalMs = performance.now() - started;
  log.info(
    { evaluationId, rows: inputs.table.rowCount, readMs, totalMs },
    "evaluation recorded",
  );

  const common = {
    evaluationId,
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
    },
    labelColumn: request.labelColumn,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    dossierVersion,
    timings: { readMs, inferenceMs: outcome.inferenceMs, totalMs },
  };
  const { inferenceMs: _inferenceMs, ...result } = outcome;
  return { ...common, ...result } as EvaluationResult;
}

async function readInputs(request: ParsedEvaluateRequest): Promise<Inputs> {
  const modelPath = path.resolve(request.modelPath);
  const dataPath = path.resolve(request.dataPath);
  const modelBytes = await readInputFile(modelPath, "--model");
  const model = inspectModel(modelBytes, modelPath);
  const modelArtifact: ModelArtifact = {
    name: baseName(modelPath),
    sha256: sha256Hex(modelBytes),
    sizeBytes: modelBytes.length,
    sourcePath: modelPath,
    producerName: model.producerName,
    producerVersion: model.producerVersion,
    irVersion: model.irVersion,
    opsets: model.opsets,
    inputs: model.inputs,
    outputs: model.outputs,
    metadata: model.metadata,
  };

  await assertReadableFile(dataPath, "--data");
  const { table, sha256, sizeBytes } = await readCsvFile(dataPath, {
    ...(request.columns === undefined ? {} : { columns: request.columns }),
    ...(request.delimiter === undefined
      ? {}
      : { delimiter: request.delimiter }),
    ...(request.missingValues === undefined
      ? {}
      : { missingValues: request.missingValues }),
  });
  const datasetArtifact: DatasetArtifact = {
    name: baseName(dataPath),
    sha256,
    sizeBytes,
    sourcePath: dataPath,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({
      name: column.name,
      kind: column.kind,
      missingCount: column.missingCount,
    })),
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
  };

  const labelColumn = findColumn(table, request.labelColumn);
  if (labelColumn === undefined) {
    throw invalidInput(
      `The data ${dataPath} has no column ${request.labelColumn} for --label; its columns are: ` +
        `${table.columns.map((column) => column.name).join(", ")}.`,
    );
  }
  return {
    request,
    modelPath,
    modelBytes,
    model,
    modelArtifact,
    table,
    datasetArtifact,
    labelColumn,
  };
}

/** Reads a whole input file, turning a missing or unreadable file into bad input. */
async function readInputFile(
  filePath: string,
  option: string,
): Promise<Uint8Array> {
  try {
    return await readFile(filePath);
  } catch (error) {
    throw unreadableFile(filePath, option, error);
  }
}

async function assertReadableFile(
  filePath: string,
  option: string,
): Promise<void> {
  try {
    await access(filePath, constants.R_OK);
  } catch (error) {
    throw unreadableFile(filePath, option, error);
  }
}

function unreadableFile(
  filePath: string,
  option: string,
  error: unknown,
): DossierError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "does not exist"
      : code === "EISDIR"
        ? "is a folder, not a file"
        : `cannot be read (${code ?? String(error)})`;
  return invalidInput(
    `The file ${filePath} given as ${option} ${reason}.`,
    error,
  );
}

/** The file name without its extension, under which a new artifact is registered. */
function baseName(filePath: string): string {
  return path.basename(filePath, path.extname(filePath));
}

type ClassificationOutcome = Measured<ClassificationResult["metrics"]> &
  Pick<
    ClassificationResult,
    | "task"
    | "positiveLabel"
    | "positiveClass"
    | "threshold"
    | "hasProbabilities"
    | "rocCurve"
  >;

async function evaluateClassifier(
  inputs: Inputs,
): Promise<ClassificationOutcome> {
  const { request, model, modelPath, table } = inputs;
  const labels = readLabels(inputs.labelColumn, table.rowCount);
  const positiveLabel = resolvePositiveLabel(
    labels,
    request.labelColumn,
    request.positiveLabel,
    model,
  );
  const outputs = selectClassifierOutputs(model, modelPath);
  // NOTE: without class labels in the graph, a probability output is read as
  // classes 0 and 1 in that column order.
  const classLabels = model.classLabels ?? ["0", "1"];
  const positiveClass = resolvePositiveClass(
    classLabels,
    positiveLabel,
    request.positiveClass,
    model,
  );

  const binding = bindInputs(model, table, request.features, modelPath);
  const session = await createSession(inputs.modelBytes, modelPath);
  const wanted = outputs.probability ?? outputs.label;
  const run = await runInBatches(
    session,
    binding,
    table.rowCount,
    request.batchSize,
    wanted === null ? [] : [wanted.name],
  );

  const yTrue = Uint8Array.from(labels, (label) =>
    label === positiveLabel ? 1 : 0,
  );
  const probabilityOutput =
    outputs.probability === null
      ? undefined
      : run.outputs.get(outputs.probability.name);
  const labelOutput =
    outputs.label === null ? undefined : run.outputs.get(outputs.label.name);
  const scores =
    probabilityOutput === undefined
      ? null
      : positiveScores(probabilityOutput, classLabels, positiveClass);
  let yPred: Uint8Array;
  if (scores !== null) {
    yPred = thresholdPredictions(scores, request.threshold);
  } else {
    invariant(labelOutput !== undefined, "a classifier run has a label output");
    yPred = labelPredictions(labelOutput, positiveClass);
  }

  const computed = computeClassificationMetrics({ yTrue, yPred, scores });
  return {
    task: "classification",
    positiveLabel,
    positiveClass,
    threshold: request.threshold,
    hasProbabilities: scores !== null,
    metrics: computed.metrics,
    undefinedMetrics: computed.undefinedMetrics,
    rocCurve: computed.rocCurve,
    inferenceMs: run.runMs,
  };
}

type RegressionOutcome = Measured<RegressionResult["metrics"]> &
  Pick<RegressionResult, "task">;

async function evaluateRegressor(inputs: Inputs): Promise<RegressionOutcome> {
  const { request, model, modelPath, table, labelColumn } = inputs;
  if (labelColumn.kind !== "numeric") {
    throw invalidInput(
      `The label column ${labelColumn.name} holds text, but a regression label must be numeric; ` +
        "check --label, or pass --task classification.",
    );
  }
  const missingRow = labelColumn.values.findIndex(Number.isNaN);
  if (missingRow >= 0) {
    throw invalidInput(
      `The label column ${labelColumn.name} is missing in ${labelColumn.missingCount} rows, ` +
        `first at data row ${missingRow + 1}; remove those rows or fill their labels.`,
    );
  }

  const output = selectRegressionOutput(model, modelPath);
  const binding = bindInputs(model, table, request.features, modelPath);
  const session = await createSession(inputs.modelBytes, modelPath);
  const run = await runInBatches(
    session,
    binding,
    table.rowCount,
    request.batchSize,
    [output.name],
  );
  const predicted = run.outputs.get(output.name);
  invariant(predicted !== undefined, "a regression run has its output");
  const computed = computeRegressionMetrics({
    yTrue: labelColumn.values,
    yPred: regressionPredictions(predicted),
  });
  return {
    task: "regression",
    metrics: computed.metrics,
    undefinedMetrics: computed.undefinedMetrics,
    inferenceMs: run.runMs,
  };
}
