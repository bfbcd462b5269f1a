import type { Task } from "../../../shared/contract";
import { invalidInput, type DossierError } from "../errors";
import {
  categoryAt,
  describeRow,
  type Column,
  type Table,
} from "../data/table";
import type { ModelInspection } from "../onnx/inspect";
import type { TensorSignature } from "../store/types";

/** Resolves the task: as requested, else from the estimator, else from the outputs. */
export function resolveTask(
  model: ModelInspection,
  requested: Task | undefined,
): Task {
  if (requested !== undefined) {
    return requested;
  }
  if (model.estimatorKind === "classifier") {
    return "classification";
  }
  if (model.estimatorKind === "regressor") {
    return "regression";
  }
  const hasClassifierOutput = model.outputs.some(
    (output) =>
      ["int64", "int32", "string"].includes(output.elementType) ||
      output.shape[1] === 2 ||
      output.name.toLowerCase().includes("prob"),
  );
  return hasClassifierOutput ? "classification" : "regression";
}

/** Returns the text of every row's label; missing labels are an error. */
export function readLabels(column: Column, table: Table): string[] {
  const labels = new Array<string>(table.rowCount);
  let missingCount = 0;
  let firstMissingRow = -1;
  for (let row = 0; row < table.rowCount; row += 1) {
    const label =
      column.kind === "categorical"
        ? categoryAt(column, row)
        : formatNumber(column.values[row]);
    if (label === undefined) {
      missingCount += 1;
      firstMissingRow = firstMissingRow < 0 ? row : firstMissingRow;
    }
    labels[row] = label ?? "";
  }
  if (missingCount > 0) {
    throw missingLabels(
      column,
      missingCount,
      describeRow(table, firstMissingRow),
    );
  }
  return labels;
}

/** Builds the error for labels missing in `count` rows, the first at `where`. */
export function missingLabels(
  column: Column,
  count: number,
  where: string,
): DossierError {
  return invalidInput(
    `The label column ${column.name} is missing in ${count} ${count === 1 ? "row" : "rows"}, first at ${where}; ` +
      "remove those rows or fill their labels.",
  );
}

function formatNumber(value: number | undefined): string | undefined {
  return value === undefined || Number.isNaN(value) ? undefined : String(value);
}

/** The positive label as written in the data, and the other label if any. */
export type BinaryLabels = {
  positive: string;
  negative: string | null;
};

/**
 * Chooses the positive label as written in the data: the requested one, else
 * the model's `positive_label` metadata if the data contains it, else "1" for
 * labels 0 and 1. The negative label is the data's other label, if any.
 */
export function resolvePositiveLabel(
  labels: string[],
  column: Column,
  requested: string | undefined,
  model: ModelInspection,
): BinaryLabels {
  const distinct = [...new Set(labels)].sort();
  if (distinct.length > 2) {
    throw tooManyLabels(column, distinct);
  }
  const positive = choosePositiveLabel(distinct, column.name, requested, model);
  const negative = distinct.find((label) => label !== positive) ?? null;
  return { positive, negative };
}

function tooManyLabels(column: Column, distinct: string[]): DossierError {
  const found = `The label column ${column.name} has ${distinct.length} distinct values (${preview(distinct)})`;
  if (column.kind === "numeric") {
    return invalidInput(
      `${found}; Dossier evaluates binary classification, so pick a column with two labels, ` +
        "or pass --task regression if the label is a quantity.",
    );
  }
  return invalidInput(
    `${found}; Dossier evaluates binary classification and does not support multiclass evaluation, ` +
      "so pick a column with two labels.",
  );
}

function choosePositiveLabel(
  distinct: string[],
  labelColumn: string,
  requested: string | undefined,
  model: ModelInspection,
): string {
  const listed = distinct.map((label) => `'${label}'`).join(", ");
  if (requested !== undefined) {
    const match = distinct.find((label) => sameLabel(label, requested));
    if (match === undefined) {
      throw invalidInput(
        `The positive label '${requested}' does not occur in the column ${labelColumn}, which contains ${listed}; ` +
          "pass --positive with one of them.",
      );
    }
    return match;
  }

  const fromMetadata = model.metadata.positive_label;
  const metadataMatch =
    fromMetadata === undefined
      ? undefined
      : distinct.find((label) => sameLabel(label, fromMetadata));
  if (metadataMatch !== undefined) {
    return metadataMatch;
  }
  if (distinct.every((label) => label === "0" || label === "1")) {
    return "1";
  }
  throw invalidInput(
    `Pass --positive with the label of the positive class; the column ${labelColumn} contains ${listed}.`,
  );
}

/** Compares labels as numbers when both are numbers ("1" and "1.0"), else as text. */
function sameLabel(left: string, right: string): boolean {
  if (left === right) {
    return true;
  }
  const leftNumber = Number(left);
  const rightNumber = Number(right);
  return (
    left.trim() !== "" &&
    right.trim() !== "" &&
    Number.isFinite(leftNumber) &&
    leftNumber === rightNumber
  );
}

function preview(values: string[]): string {
  const shown = values.slice(0, 5).map((value) => `'${value}'`);
  return values.length > 5 ? `${shown.join(", ")}, …` : shown.join(", ");
}

/**
 * Chooses the model's class that stands for the positive label: the requested
 * class, else the `positive_class` metadata, else a class equal to the label,
 * else class 1 of a binary model with classes 0 and 1. Rejects metadata that
 * names a class other than the one equal to the label, because either reading
 * could be meant and the wrong one inverts every metric.
 */
export function resolvePositiveClass(
  classLabels: string[],
  positiveLabel: string,
  requested: string | undefined,
  model: ModelInspection,
): string {
  const listed = classLabels.map((label) => `'${label}'`).join(", ");
  const equal = classLabels.find((label) => sameLabel(label, positiveLabel));
  const candidate = requested ?? model.metadata.positive_class;
  if (candidate !== undefined) {
    const match = classLabels.find((label) => sameLabel(label, candidate));
    if (match === undefined) {
      const origin =
        requested === undefined
          ? "the model's positive_class metadata"
          : "--positive-class";
      throw invalidInput(
        `The class '${candidate}' from ${origin} is not a class of the model, whose classes are ${listed}; ` +
          "pass --positive-class with one of them.",
      );
    }
    if (requested === undefined && equal !== undefined && equal !== match) {
      throw invalidInput(
        `The positive label '${positiveLabel}' equals the model's class '${equal}', ` +
          `but the model's positive_class metadata names class '${match}'; ` +
          `pass --positive-class '${equal}' or --positive-class '${match}' to choose the model's class for the positive label '${positiveLabel}'.`,
      );
    }
    return match;
  }

  if (equal !== undefined) {
    return equal;
  }
  const isZeroOne =
    classLabels.length === 2 &&
    classLabels.some((label) => sameLabel(label, "0")) &&
    classLabels.some((label) => sameLabel(label, "1"));
  if (isZeroOne) {
    return classLabels.find((label) => sameLabel(label, "1")) ?? "1";
  }
  throw invalidInput(
    `Cannot tell which class of the model stands for the positive label '${positiveLabel}': ` +
      `the model's classes are ${listed}. Pass --positive-class with one of them.`,
  );
}

/** The outputs a binary classifier offers: labels, probabilities or both. */
export type ClassifierOutputs = {
  label: TensorSignature | null;
  probability: TensorSignature | null;
};

export function selectClassifierOutputs(
  model: ModelInspection,
  modelSource: string,
): ClassifierOutputs {
  const tensors = model.outputs.filter(
    (output) =>
      output.elementType !== "sequence" && output.elementType !== "map",
  );
  const labels = tensors.filter(
    (output) =>
      ["int64", "int32", "string"].includes(output.elementType) &&
      (output.shape.length === 1 || output.shape[1] === 1),
  );
  const probabilities = tensors.filter(
    (output) =>
      ["float", "double"].includes(output.elementType) &&
      output.shape.length === 2,
  );
  const probability = preferNamed(probabilities, "prob");
  if (probability === null) {
    rejectProbabilityMaps(model, modelSource);
  }
  const width = probability?.shape[1];
  if (typeof width === "number" && width > 2) {
    throw invalidInput(
      `The model ${modelSource} gives ${width} class probabilities; Dossier evaluates binary classifiers only.`,
    );
  }

  const label = preferNamed(labels, "label");
  if (label === null && probability === null) {
    const names = model.outputs
      .map((output) => `${output.name} (${output.elementType})`)
      .join(", ");
    throw invalidInput(
      `The model ${modelSource} has no label or probability tensor output among ${names}; ` +
        "a probability output must be float [N, 2] or [N, 1], a label output int64 or string [N]. " +
        "If the model is a regressor, pass --task regression.",
    );
  }
  return { label, probability };
}

/**
 * Rejects a classifier whose probabilities come only as a sequence or map
 * output, such as skl2onnx's ZipMap, because onnxruntime-node returns tensors
 * only. Evaluating its labels alone would drop the score metrics silently.
 */
function rejectProbabilityMaps(
  model: ModelInspection,
  modelSource: string,
): void {
  const maps = model.outputs.filter(
    (output) =>
      output.elementType === "sequence" || output.elementType === "map",
  );
  const [first] = maps;
  if (first === undefined) {
    return;
  }
  throw invalidInput(
    `The model ${modelSource} has no probability tensor: its output ${first.name} is a ${first.elementType}, ` +
      "as skl2onnx's ZipMap makes, and Dossier reads tensors only. " +
      "Export the model again without ZipMap, so that the probabilities are a float tensor [N, 2]; " +
      'with skl2onnx, pass options={id(model): {"zipmap": False}} to to_onnx or convert_sklearn.',
  );
}

export function selectRegressionOutput(
  model: ModelInspection,
  modelSource: string,
): TensorSignature {
  const candidates = model.outputs.filter(
    (output) =>
      ["float", "double"].includes(output.elementType) &&
      (output.shape.length === 1 ||
        (output.shape.length === 2 && output.shape[1] !== 2)),
  );
  const [first] = candidates;
  if (first === undefined) {
    throw invalidInput(
      `The model ${modelSource} has no float output of shape [N] or [N, 1] to compare with the label; ` +
        "if it is a classifier, pass --task classification.",
    );
  }
  return first;
}

function preferNamed(
  outputs: TensorSignature[],
  fragment: string,
): TensorSignature | null {
  return (
    outputs.find((output) => output.name.toLowerCase().includes(fragment)) ??
    outputs[0] ??
    null
  );
}
