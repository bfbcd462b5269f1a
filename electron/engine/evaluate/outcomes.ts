import {
  defaultThreshold,
  type ClassificationResult,
  type RegressionResult,
} from "../../../shared/contract";
import { describeRow } from "../data/table";
import { invariant, invalidInput } from "../errors";
import {
  computeClassificationMetrics,
  computeRegressionMetrics,
} from "../metrics";
import { bindInputs, type InputBinding } from "../onnx/bind";
import { createSession, runInBatches } from "../onnx/run";
import type { Inputs } from "./inputs";
import {
  labelPredictions,
  positiveScores,
  regressionPredictions,
  thresholdPredictions,
} from "./predictions";
import {
  missingLabels,
  readLabels,
  resolvePositiveClass,
  resolvePositiveLabel,
  selectClassifierOutputs,
  selectRegressionOutput,
} from "./targets";
import { classificationWarnings } from "./warnings";

type Measured<Metrics> = {
  metrics: Metrics;
  undefinedMetrics: Record<string, string>;
  warnings: string[];
  featureColumns: string[];
  inferenceMs: number;
};

export type ClassificationOutcome = Measured<ClassificationResult["metrics"]> &
  Pick<
    ClassificationResult,
    | "task"
    | "positiveLabel"
    | "negativeLabel"
    | "positiveClass"
    | "threshold"
    | "hasProbabilities"
    | "rocCurve"
  >;

export async function evaluateClassifier(
  inputs: Inputs,
): Promise<ClassificationOutcome> {
  const { request, model, modelPath, table } = inputs;
  const labels = readLabels(inputs.labelColumn, table);
  const binaryLabels = resolvePositiveLabel(
    labels,
    inputs.labelColumn,
    request.positiveLabel,
    model,
  );
  const positiveLabel = binaryLabels.positive;
  const outputs = selectClassifierOutputs(model, modelPath);
  if (outputs.probability === null && request.threshold !== undefined) {
    throw invalidInput(
      `--threshold applies to probabilities, but the model ${modelPath} outputs labels only; drop --threshold.`,
    );
  }
  // NOTE: without class labels in the graph, a probability output is read as
  // classes 0 and 1 in that column order.
  const classLabels = model.classLabels ?? ["0", "1"];
  const positiveClass = resolvePositiveClass(
    classLabels,
    positiveLabel,
    request.positiveClass,
    model,
  );

  const binding = bindFeatures(inputs);
  const session = await createSession(inputs.modelBytes, modelPath);
  const fetched = outputs.probability ?? outputs.label;
  const run = await runInBatches(
    session,
    binding,
    table.rowCount,
    request.batchSize,
    fetched === null ? [] : [fetched.name],
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
      : positiveScores(probabilityOutput, classLabels, positiveClass, table);
  const threshold =
    scores === null ? null : (request.threshold ?? defaultThreshold);
  let yPred: Uint8Array;
  if (scores !== null && threshold !== null) {
    yPred = thresholdPredictions(scores, threshold);
  } else {
    invariant(labelOutput !== undefined, "a classifier run has a label output");
    yPred = labelPredictions(labelOutput, positiveClass);
  }

  const computed = computeClassificationMetrics({ yTrue, yPred, scores });
  return {
    task: "classification",
    positiveLabel,
    negativeLabel: binaryLabels.negative,
    positiveClass,
    threshold,
    hasProbabilities: scores !== null,
    metrics: computed.metrics,
    undefinedMetrics: computed.undefinedMetrics,
    warnings: classificationWarnings(
      computed.metrics,
      positiveLabel,
      positiveClass,
    ),
    rocCurve: computed.rocCurve,
    featureColumns: binding.featureColumns,
    inferenceMs: run.runMs,
  };
}

export type RegressionOutcome = Measured<RegressionResult["metrics"]> &
  Pick<RegressionResult, "task">;

export async function evaluateRegressor(
  inputs: Inputs,
): Promise<RegressionOutcome> {
  const { request, model, modelPath, table, labelColumn } = inputs;
  if (labelColumn.kind !== "numeric") {
    throw invalidInput(
      `The label column ${labelColumn.name} contains text, but a regression label must be numeric; ` +
        "check --label, or pass --task classification.",
    );
  }
  const missingRow = labelColumn.values.findIndex(Number.isNaN);
  if (missingRow >= 0) {
    throw missingLabels(
      labelColumn,
      labelColumn.missingCount,
      describeRow(table, missingRow),
    );
  }

  const output = selectRegressionOutput(model, modelPath);
  const binding = bindFeatures(inputs);
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
    yPred: regressionPredictions(predicted, table),
  });
  return {
    task: "regression",
    metrics: computed.metrics,
    undefinedMetrics: computed.undefinedMetrics,
    warnings: [],
    featureColumns: binding.featureColumns,
    inferenceMs: run.runMs,
  };
}

function bindFeatures(inputs: Inputs): InputBinding {
  return bindInputs(inputs.model, inputs.table, {
    features: inputs.request.features,
    labelColumn: inputs.request.labelColumn,
    modelSource: inputs.modelPath,
  });
}
