import { describe, expect, it } from "vitest";
import {
  linearClassifierModel,
  linearRegressorModel,
} from "../helpers/onnx-builder";
import {
  evaluateClassifier,
  evaluateRegressor,
  expectClassificationMetrics,
  logisticAtHalf,
  logisticCoefficients,
  logisticIntercept,
  logisticRows,
} from "./fixtures";

// x2 goes in as text and a LabelEncoder maps it back to its number, so the
// model scores the fixture rows as the logistic model does only when the
// text of each row reaches the right row of the batch.
const textClassifier = linearClassifierModel({
  inputs: [
    { name: "x1", type: "float", shape: ["N", 1] },
    {
      name: "x2",
      type: "string",
      shape: ["N"],
      categories: { "-0.5": -0.5, "0": 0, "0.5": 0.5, "1": 1 },
    },
  ],
  coefficients: logisticCoefficients,
  intercept: logisticIntercept,
  classLabels: [0, 1],
});

describe("batching", () => {
  // Batches of 3 over 8 rows end with a partial batch of 2; 8 is one batch.
  it.each([1, 3, 7, 8, 100])(
    "gives the same metrics with batches of %i",
    async (batchSize) => {
      const model = linearClassifierModel({
        inputs: [
          { name: "x1", type: "float", shape: ["N", 1] },
          { name: "x2", type: "double", shape: ["N"] },
        ],
        coefficients: logisticCoefficients,
        intercept: logisticIntercept,
        classLabels: [0, 1],
      });

      const result = await evaluateClassifier({
        model,
        rows: logisticRows(),
        request: { labelColumn: "label", batchSize },
      });

      expectClassificationMetrics(result, logisticAtHalf);
      expect(result.rocCurve).not.toBeNull();
    },
  );

  it.each([1, 3, 100])(
    "keeps string rows aligned in batches of %i",
    async (batchSize) => {
      const result = await evaluateClassifier({
        model: textClassifier,
        rows: logisticRows(),
        request: { labelColumn: "label", batchSize },
      });

      expectClassificationMetrics(result, logisticAtHalf);
    },
  );

  it.each([1, 4, 6])("measures regression in batches of %i", async (size) => {
    // y = x on six rows: predictions 0..5, labels 0, 1, 2, 3, 4, 6, so
    // MAE = 1/6 and RMSE = sqrt(1/6).
    const model = linearRegressorModel({
      inputs: [{ name: "x", type: "int64", shape: ["N", 1] }],
      coefficients: [1],
      intercept: 0,
      outputShape: "vector",
    });
    const rows = [
      ["x", "y"],
      ...[0, 1, 2, 3, 4, 5].map((x) => [x, x === 5 ? 6 : x]),
    ];

    const result = await evaluateRegressor({
      model,
      rows,
      request: { labelColumn: "y", batchSize: size },
    });

    expect(result.metrics.mae).toBeCloseTo(1 / 6, 12);
    expect(result.metrics.rmse).toBeCloseTo(Math.sqrt(1 / 6), 12);
  });
});
