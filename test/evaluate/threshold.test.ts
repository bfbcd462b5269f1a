import { describe, expect, it } from "vitest";
import { linearClassifierModel } from "../helpers/onnx-builder";
import {
  evaluateClassifier,
  expectClassificationMetrics,
  logisticCoefficients,
  logisticIntercept,
  logisticRows,
  logisticScoreMetrics,
  type ClassificationReference,
} from "./fixtures";

const model = linearClassifierModel({
  inputs: [
    { name: "x1", type: "float", shape: ["N", 1] },
    { name: "x2", type: "float", shape: ["N", 1] },
  ],
  coefficients: logisticCoefficients,
  intercept: logisticIntercept,
  classLabels: [0, 1],
});

/*
 * P(1) per row is 0.881, 0.731, 0.378, 0.378, 0.182, 0.818, 0.622, 0.924
 * and the labels are 1, 1, 1, 0, 0, 0, 0, 1. Predicted positive:
 *   t = 0.3: all rows but 5         tp 4, fp 3 (4, 6, 7), tn 1, fn 0
 *   t = 0.7: rows 1, 2, 6, 8        tp 3, fp 1 (6), tn 3, fn 1 (3)
 *   t = 0.9: row 8                  tp 1, fp 0, tn 4, fn 3
 * Checked with confusion_matrix(y, (p >= t).astype(int)) and the
 * precision_score, recall_score and f1_score of scikit-learn 1.2. The score
 * metrics do not depend on the threshold.
 */
const byThreshold: [number, ClassificationReference][] = [
  [
    0.3,
    {
      confusionMatrix: [
        [1, 3],
        [0, 4],
      ],
      accuracy: 5 / 8,
      precision: 4 / 7,
      recall: 1,
      f1: 8 / 11,
      ...logisticScoreMetrics,
    },
  ],
  [
    0.7,
    {
      confusionMatrix: [
        [3, 1],
        [1, 3],
      ],
      accuracy: 6 / 8,
      precision: 3 / 4,
      recall: 3 / 4,
      f1: 3 / 4,
      ...logisticScoreMetrics,
    },
  ],
  [
    0.9,
    {
      confusionMatrix: [
        [4, 0],
        [3, 1],
      ],
      accuracy: 5 / 8,
      precision: 1,
      recall: 1 / 4,
      f1: 2 / 5,
      ...logisticScoreMetrics,
    },
  ],
];

describe("threshold", () => {
  it.each(byThreshold)(
    "predicts at threshold %f",
    async (threshold, reference) => {
      const result = await evaluateClassifier({
        model,
        rows: logisticRows(),
        request: { labelColumn: "label", threshold },
      });

      expect(result.threshold).toBe(threshold);
      expectClassificationMetrics(result, reference);
    },
  );

  it("counts a probability equal to it as positive", async () => {
    // P(1) = sigmoid(x) is exactly 0.5 at x = 0, so rows 1 and 2 are
    // predicted positive at 0.5: tp = rows 1 and 4, fp = row 2, tn = row 3.
    // At 0.6 only row 4 (0.731) is positive: tp 1, fn 1, tn 2.
    const singleInput = linearClassifierModel({
      inputs: [{ name: "x", type: "float", shape: ["N", 1] }],
      coefficients: [1],
      intercept: 0,
      classLabels: [0, 1],
    });
    const rows = [
      ["x", "label"],
      [0, 1],
      [0, 0],
      [-1, 0],
      [1, 1],
    ];

    const atHalf = await evaluateClassifier({
      model: singleInput,
      rows,
      request: { labelColumn: "label", threshold: 0.5 },
    });
    const atSixTenths = await evaluateClassifier({
      model: singleInput,
      rows,
      request: { labelColumn: "label", threshold: 0.6 },
    });

    expect(atHalf.metrics.confusionMatrix).toEqual([
      [1, 1],
      [0, 2],
    ]);
    expect(atSixTenths.metrics.confusionMatrix).toEqual([
      [2, 0],
      [1, 1],
    ]);
  });
});
