import { describe, expect, it } from "vitest";
import {
  describeRocAucBelowChance,
  parseRocAucBelowChance,
} from "../../electron/engine/evaluate/warnings";
import {
  linearClassifierModel,
  linearRegressorModel,
} from "../helpers/onnx-builder";
import {
  evaluateClassifier,
  evaluateRegressor,
  logisticCoefficients,
  logisticFirstClassAtHalf,
  logisticIntercept,
  logisticRows,
} from "./fixtures";

const inputs = [
  { name: "x1", type: "float", shape: ["N", 1] },
  { name: "x2", type: "float", shape: ["N", 1] },
] as const;

/**
 * The fixture's logistic model with every weight negated, so that
 * P(1) = sigmoid(-(x1 - 2·x2 + 0.5)) = 1 - p ranks the rows backwards.
 * By hand, p ranks 12.5 of the 16 (positive, negative) pairs correctly, so
 * 1 - p ranks 16 - 12.5 = 3.5 of them: ROC AUC = 3.5 / 16 = 0.21875, as
 * scikit-learn's roc_auc_score(y, 1 - p) gives in the fixtures.
 */
const invertedModel = linearClassifierModel({
  inputs: [...inputs],
  coefficients: logisticCoefficients.map((weight) => -weight),
  intercept: -logisticIntercept,
  classLabels: [0, 1],
});
const invertedAuc = 3.5 / 16;

describe("evaluation warnings", () => {
  it("warns when ROC AUC is below 0.5", async () => {
    const result = await evaluateClassifier({
      model: invertedModel,
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.metrics.rocAuc).toBeCloseTo(invertedAuc, 6);
    expect(logisticFirstClassAtHalf.rocAuc).toBe(invertedAuc);
    expect(result.warnings).toEqual([
      "ROC AUC is 0.218750, below the 0.5 of a random guess, so the positive label '1' " +
        "probably does not correspond to the model's class '1'; check --positive and --positive-class.",
    ]);
  });

  it("gives no warning above 0.5", async () => {
    const result = await evaluateClassifier({
      model: linearClassifierModel({
        inputs: [...inputs],
        coefficients: logisticCoefficients,
        intercept: logisticIntercept,
        classLabels: [0, 1],
      }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.warnings).toEqual([]);
  });

  it("gives no warning without probabilities", async () => {
    // The inverted model's labels alone leave ROC AUC undefined.
    const result = await evaluateClassifier({
      model: linearClassifierModel({
        inputs: [...inputs],
        coefficients: logisticCoefficients.map((weight) => -weight),
        intercept: -logisticIntercept,
        classLabels: [0, 1],
        outputs: "labelOnly",
      }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.metrics.rocAuc).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it("gives no warning for a regression", async () => {
    const result = await evaluateRegressor({
      model: linearRegressorModel({
        inputs: [{ name: "x", type: "float", shape: ["N", 1] }],
        coefficients: [-1],
        intercept: 0,
        outputShape: "column",
      }),
      rows: [
        ["x", "y"],
        [1, 1],
        [2, 2],
        [3, 3],
      ],
      request: { labelColumn: "y" },
    });

    expect(result.warnings).toEqual([]);
  });

  it("recovers the values of a warning", () => {
    // A label may contain quotes and placeholder-like text.
    const values = { auc: "0.094582", label: "it's {class}", class: "1" };

    const text = describeRocAucBelowChance(values);

    expect(text).toContain("label 'it's {class}' probably");
    expect(parseRocAucBelowChance(text)).toEqual(values);
    expect(parseRocAucBelowChance("something else")).toBeNull();
  });
});
