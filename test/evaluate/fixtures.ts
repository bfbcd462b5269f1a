import fs from "node:fs";
import path from "node:path";
import { afterEach, expect } from "vitest";
import type {
  ClassificationResult,
  EvaluateRequest,
  EvaluationResult,
  RegressionResult,
} from "../../shared/contract";
import { openEngine, type Engine } from "../../electron/engine/api";
import { DossierError } from "../../electron/engine/errors";
import { countStoreRows, makeTempFolder } from "../helpers/workspace";

/** A temporary folder with a store, where a test writes a model and a CSV. */
export type Workspace = {
  folder: string;
  storePath: string;
  engine: Engine;
  /** Writes the bytes to `<folder>/<name>` and returns the path. */
  writeModel(name: string, bytes: Uint8Array): string;
  /** Writes the rows, header first, as comma-separated lines. */
  writeCsv(name: string, rows: (string | number)[][]): string;
  /** Closes the engine before the end of the test, to read the store file. */
  close(): void;
};

const openEngines: Engine[] = [];

afterEach(() => {
  for (const engine of openEngines.splice(0)) {
    engine.close();
  }
});

export function openWorkspace(): Workspace {
  const folder = makeTempFolder();
  const storePath = path.join(folder, "store.db");
  const engine = openEngine({ storePath });
  openEngines.push(engine);
  return {
    folder,
    storePath,
    engine,
    writeModel(name, bytes) {
      const filePath = path.join(folder, name);
      fs.writeFileSync(filePath, bytes);
      return filePath;
    },
    writeCsv(name, rows) {
      const filePath = path.join(folder, name);
      const lines = rows.map((row) => row.join(","));
      fs.writeFileSync(filePath, `${lines.join("\n")}\n`);
      return filePath;
    },
    close() {
      openEngines.splice(openEngines.indexOf(engine), 1);
      engine.close();
    },
  };
}

export type EvaluateCase = {
  model: Uint8Array;
  rows: (string | number)[][];
  request: Omit<EvaluateRequest, "modelPath" | "dataPath">;
};

/** Writes the model and data of `testCase` and evaluates them. */
export async function evaluateCase(
  testCase: EvaluateCase,
  workspace: Workspace = openWorkspace(),
): Promise<EvaluationResult> {
  const modelPath = workspace.writeModel("model.onnx", testCase.model);
  const dataPath = workspace.writeCsv("data.csv", testCase.rows);
  return workspace.engine.run("evaluate", {
    ...testCase.request,
    modelPath,
    dataPath,
  });
}

export async function evaluateClassifier(
  testCase: EvaluateCase,
): Promise<ClassificationResult> {
  const result = await evaluateCase(testCase);
  if (result.task !== "classification") {
    expect.fail(`expected a classification result, got ${result.task}`);
  }
  return result;
}

export async function evaluateRegressor(
  testCase: EvaluateCase,
): Promise<RegressionResult> {
  const result = await evaluateCase(testCase);
  if (result.task !== "regression") {
    expect.fail(`expected a regression result, got ${result.task}`);
  }
  return result;
}

/**
 * Evaluates a case that must fail with `invalidInput`, and returns the error
 * message after checking that the store gained no rows in any table.
 */
export async function expectRejected(testCase: EvaluateCase): Promise<string> {
  const workspace = openWorkspace();
  let failure: unknown;
  try {
    await evaluateCase(testCase, workspace);
  } catch (error) {
    failure = error;
  }
  workspace.close();

  expect(failure).toBeInstanceOf(DossierError);
  expect((failure as DossierError).code).toBe("invalidInput");
  expect(countStoreRows(workspace.storePath)).toEqual({
    models: 0,
    model_versions: 0,
    datasets: 0,
    dataset_versions: 0,
    evaluations: 0,
    audit_events: 0,
  });
  return (failure as DossierError).message;
}

/** Checks every metric of a classification result against a reference. */
export function expectClassificationMetrics(
  result: ClassificationResult,
  expected: ClassificationReference,
): void {
  const { metrics } = result;
  expect(metrics.confusionMatrix).toEqual(expected.confusionMatrix);
  expect(metrics.accuracy).toBeCloseTo(expected.accuracy, 12);
  expect(metrics.precision).toBeCloseTo(expected.precision, 12);
  expect(metrics.recall).toBeCloseTo(expected.recall, 12);
  expect(metrics.f1).toBeCloseTo(expected.f1, 12);
  // Probabilities come from float32 arithmetic in onnxruntime, the
  // references from float64, so score metrics agree to about 1e-7.
  expect(metrics.rocAuc).toBeCloseTo(expected.rocAuc, 6);
  expect(metrics.logLoss).toBeCloseTo(expected.logLoss, 6);
  expect(metrics.brier).toBeCloseTo(expected.brier, 6);
}

export type ClassificationReference = {
  confusionMatrix: [[number, number], [number, number]];
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  logLoss: number;
  brier: number;
};

/**
 * Eight rows for the logistic model P(1) = sigmoid(x1 - 2·x2 + 0.5):
 *
 *   row  x1    x2    z     P(1)      label  predicted at 0.5
 *   1    1.5   0     2.0   0.880797  1      1  tp
 *   2    0.5   0     1.0   0.731059  1      1  tp
 *   3    0     0.5  -0.5   0.377541  1      0  fn
 *   4    1     1    -0.5   0.377541  0      0  tn  (ties row 3)
 *   5    0     1    -1.5   0.182426  0      0  tn
 *   6    2     0.5   1.5   0.817574  0      1  fp
 *   7   -1    -0.5   0.5   0.622459  0      1  fp
 *   8    3     0.5   2.5   0.924142  1      1  tp
 */
export const logisticFeatures = {
  x1: [1.5, 0.5, 0, 1, 0, 2, -1, 3],
  x2: [0, 0, 0.5, 1, 1, 0.5, -0.5, 0.5],
  label: [1, 1, 1, 0, 0, 0, 0, 1],
} as const;

export const logisticCoefficients = [1, -2];
export const logisticIntercept = 0.5;

/** Builds the header and data rows, renaming the labels through `labelText`. */
export function logisticRows(
  columns: ("x1" | "x2" | "label")[] = ["x1", "x2", "label"],
  labelText: (label: number) => string | number = (label) => label,
): (string | number)[][] {
  const rows = logisticFeatures.label.map((label, row) =>
    columns.map((column) =>
      column === "label"
        ? labelText(label)
        : (logisticFeatures[column][row] ?? Number.NaN),
    ),
  );
  return [columns, ...rows];
}

/*
 * References for the eight rows, from scikit-learn 1.2:
 *
 *   import numpy as np; from sklearn.metrics import *
 *   x1 = np.array([1.5, .5, 0, 1, 0, 2, -1, 3])
 *   x2 = np.array([0, 0, .5, 1, 1, .5, -.5, .5])
 *   y = np.array([1, 1, 1, 0, 0, 0, 0, 1])
 *   p = 1 / (1 + np.exp(-(x1 - 2 * x2 + .5)))
 *   pred = (p >= t).astype(int)
 *   confusion_matrix(y, pred), accuracy_score(y, pred), ...
 *   roc_auc_score(y, p), log_loss(y, p), brier_score_loss(y, p)
 *
 * By hand at t = 0.5: tp = 3, fn = 1, fp = 2, tn = 2, so accuracy 5/8,
 * precision 3/5, recall 3/4, F1 = 6/9. ROC AUC counts 12.5 of 16
 * (positive, negative) pairs, the tie of rows 3 and 4 counting one half.
 */
export const logisticScoreMetrics = {
  rocAuc: 0.78125,
  logLoss: 0.6055171176699462,
  brier: 0.21393107233495814,
};

export const logisticAtHalf: ClassificationReference = {
  confusionMatrix: [
    [2, 2],
    [1, 3],
  ],
  accuracy: 5 / 8,
  precision: 3 / 5,
  recall: 3 / 4,
  f1: 2 / 3,
  ...logisticScoreMetrics,
};

/*
 * The same eight rows scored with P(first class) = 1 - p, as when the
 * positive label is the model's first class:
 *   s = 1 - p; pred = (s >= .5).astype(int)   # rows 3, 4, 5
 *   roc_auc_score(y, s), log_loss(y, s), brier_score_loss(y, s)
 * By hand: tp = 1 (row 3), fp = 2 (rows 4, 5), fn = 3, tn = 2.
 */
export const logisticFirstClassAtHalf: ClassificationReference = {
  confusionMatrix: [
    [2, 2],
    [3, 1],
  ],
  accuracy: 3 / 8,
  precision: 1 / 3,
  recall: 1 / 4,
  f1: 2 / 7,
  rocAuc: 0.21875,
  logLoss: 1.2305171176699465,
  brier: 0.4423156086811555,
};

/*
 * The eight rows with label 0 as the positive label, scored with
 * P(0) = 1 - p: both the truth and the score flip, so ROC AUC, log loss and
 * Brier score equal those of label 1. Predicted positive are rows 3, 4, 5:
 * tp = 2 (rows 4, 5), fp = 1 (row 3), fn = 2 (rows 6, 7), tn = 3.
 *   y0 = 1 - y; s = 1 - p; confusion_matrix(y0, (s >= .5).astype(int))
 */
export const logisticLabelZeroAtHalf: ClassificationReference = {
  confusionMatrix: [
    [3, 1],
    [2, 2],
  ],
  accuracy: 5 / 8,
  precision: 2 / 3,
  recall: 2 / 4,
  f1: 4 / 7,
  ...logisticScoreMetrics,
};
