import { describe, expect, it } from "vitest";
import {
  buildModel,
  linearRegressorModel,
  type ColumnInputSpec,
  type LinearRegressorSpec,
  type NodeSpec,
} from "../helpers/onnx-builder";
import { evaluateRegressor, expectRejected } from "./fixtures";

/*
 * y = 2·x1 - x2 + 1 on six rows; every value is exact in float32.
 *
 *   x1   0    1   2   3   4   5
 *   x2   1    0   2   1   3   0
 *   pred 0    3   3   6   6   11
 *   y    0.5  2   4   6   5   12
 *   err  0.5 -1   1   0  -1   1
 *
 * MAE = 4.5 / 6 = 0.75, MSE = 4.25 / 6, mean(y) = 29.5 / 6,
 * SST = 80.208333…, R² = 1 - 4.25 / SST. With scikit-learn 1.2:
 *   mean_absolute_error(y, pred), np.sqrt(mean_squared_error(y, pred)),
 *   r2_score(y, pred)
 */
const x1 = [0, 1, 2, 3, 4, 5];
const x2 = [1, 0, 2, 1, 3, 0];
const y = [0.5, 2, 4, 6, 5, 12];

function regressionRows(labels: (number | string)[]): (number | string)[][] {
  return [
    ["x1", "x2", "y"],
    ...labels.map((label, row) => [x1[row] ?? 0, x2[row] ?? 0, label]),
  ];
}

const columnInputs: ColumnInputSpec[] = [
  { name: "x1", type: "float", shape: ["N", 1] },
  { name: "x2", type: "float", shape: ["N", 1] },
];

function regressor(
  outputShape: LinearRegressorSpec["outputShape"],
  inputs = columnInputs,
): Uint8Array {
  return linearRegressorModel({
    inputs,
    coefficients: [2, -1],
    intercept: 1,
    outputShape,
  });
}

describe("regression", () => {
  it.each(["column", "vector"] as const)(
    "measures an output %s",
    async (outputShape) => {
      const result = await evaluateRegressor({
        model: regressor(outputShape),
        rows: regressionRows(y),
        request: { labelColumn: "y" },
      });

      expect(result.rows).toBe(6);
      expect(result.metrics.mae).toBeCloseTo(0.75, 12);
      expect(result.metrics.rmse).toBeCloseTo(0.8416254115301732, 12);
      expect(result.metrics.r2).toBeCloseTo(0.947012987012987, 12);
      expect(result.undefinedMetrics).toEqual({});
    },
  );

  it("reads a 2-D input through feature_names", async () => {
    const model = linearRegressorModel({
      inputs: [{ name: "X", type: "float", shape: ["N", 2] }],
      coefficients: [2, -1],
      intercept: 1,
      outputShape: "column",
    });

    const result = await evaluateRegressor({
      model,
      rows: regressionRows(y),
      request: { labelColumn: "y", features: ["x1", "x2"] },
    });

    expect(result.metrics.mae).toBeCloseTo(0.75, 12);
  });

  it("leaves R² null for a constant label", async () => {
    // y = 5 everywhere: errors 5, 2, 2, -1, -1, -6, so MAE = 17/6 and
    // RMSE = sqrt(71/6); the total sum of squares is 0.
    const result = await evaluateRegressor({
      model: regressor("column"),
      rows: regressionRows([5, 5, 5, 5, 5, 5]),
      request: { labelColumn: "y" },
    });

    expect(result.metrics.mae).toBeCloseTo(17 / 6, 12);
    expect(result.metrics.rmse).toBeCloseTo(Math.sqrt(71 / 6), 12);
    expect(result.metrics.r2).toBeNull();
    expect(Object.keys(result.undefinedMetrics)).toEqual(["r2"]);
    expect(result.undefinedMetrics.r2).toMatch(/every true value is 5/);
  });

  it("rejects a text label column", async () => {
    const message = await expectRejected({
      model: regressor("column"),
      rows: regressionRows(["low", "low", "high", "high", "high", "top"]),
      request: { labelColumn: "y" },
    });

    expect(message).toMatch(/label column y \w+ text/);
    expect(message).toMatch(/--task classification/);
  });

  it.each([
    [{ positiveLabel: "1" }, "--positive"],
    [{ positiveClass: "1" }, "--positive-class"],
    [{ threshold: 0.5 }, "--threshold"],
  ])("rejects %j as classification only", async (option, name) => {
    const message = await expectRejected({
      model: regressor("column"),
      rows: regressionRows(y),
      request: { labelColumn: "y", ...option },
    });

    expect(message).toContain(`${name} applies to classification only`);
    expect(message).toMatch(/evaluated as a regression/);
  });

  it("names every classification option given", async () => {
    const message = await expectRejected({
      model: regressor("column"),
      rows: regressionRows(y),
      request: {
        labelColumn: "y",
        task: "regression",
        positiveLabel: "1",
        threshold: 0.3,
      },
    });

    expect(message).toMatch(
      /^--positive, --threshold apply to classification only/,
    );
    expect(message).toMatch(/\(from --task\)/);
  });

  it("rejects the label column as an input", async () => {
    const message = await expectRejected({
      model: regressor("column", [
        { name: "x1", type: "float", shape: ["N", 1] },
        { name: "y", type: "float", shape: ["N", 1] },
      ]),
      rows: regressionRows(y),
      request: { labelColumn: "y" },
    });

    expect(message).toMatch(/label column y is also an input of the model/);
    expect(message).toMatch(/target leakage/);
  });

  it("rejects the label column among the features", async () => {
    const model = linearRegressorModel({
      inputs: [{ name: "X", type: "float", shape: ["N", 2] }],
      coefficients: [2, -1],
      intercept: 1,
      outputShape: "column",
    });

    const message = await expectRejected({
      model,
      rows: regressionRows(y),
      request: { labelColumn: "y", features: ["x1", "y"] },
    });

    expect(message).toMatch(
      /label column y is one of the features named by --features/,
    );
    expect(message).toMatch(/target leakage/);
  });

  it("names the row of a missing label", async () => {
    const message = await expectRejected({
      model: regressor("column"),
      rows: regressionRows([0.5, 2, 4, "", 5, 12]),
      request: { labelColumn: "y" },
    });

    // Data row 4 follows the header line, so it is line 5 of the file.
    expect(message).toMatch(/missing in 1 row, first at line 5;/);
  });
});

/**
 * Builds a model whose output `y_hat` is its input `x1` after `node`, a
 * row-count-changing op, with an output shape that leaves the row count open.
 */
function reshapingModel(node: NodeSpec): Uint8Array {
  return buildModel({
    inputs: [{ name: "x1", type: "float", shape: ["N", 1] }],
    outputs: [{ name: "y_hat", type: "float", shape: [null, 1] }],
    nodes: [node],
  });
}

describe("output row count", () => {
  it("rejects more output rows than input rows", async () => {
    // Concat of x1 with itself along axis 0 turns 6 rows into 12.
    const message = await expectRejected({
      model: reshapingModel({
        opType: "Concat",
        inputs: ["x1", "x1"],
        outputs: ["y_hat"],
        attributes: [{ name: "axis", int: 0 }],
      }),
      rows: regressionRows(y),
      request: { labelColumn: "y", features: ["x1"], task: "regression" },
    });

    expect(message).toMatch(/output y_hat returned 12 rows for 6 input rows/);
  });

  it("rejects more rows in every batch", async () => {
    // Batches of 4 and 2 rows return 8 and 4 rows, 12 in all.
    const message = await expectRejected({
      model: reshapingModel({
        opType: "Concat",
        inputs: ["x1", "x1"],
        outputs: ["y_hat"],
        attributes: [{ name: "axis", int: 0 }],
      }),
      rows: regressionRows(y),
      request: {
        labelColumn: "y",
        features: ["x1"],
        task: "regression",
        batchSize: 4,
      },
    });

    expect(message).toMatch(/output y_hat returned 12 rows for 6 input rows/);
  });

  it("rejects fewer output rows than input rows", async () => {
    // ReduceMean over axis 0 with keepdims turns 6 rows into 1.
    const message = await expectRejected({
      model: reshapingModel({
        opType: "ReduceMean",
        inputs: ["x1"],
        outputs: ["y_hat"],
        attributes: [
          { name: "axes", ints: [0] },
          { name: "keepdims", int: 1 },
        ],
      }),
      rows: regressionRows(y),
      request: { labelColumn: "y", features: ["x1"], task: "regression" },
    });

    expect(message).toMatch(/output y_hat returned 1 row for 6 input rows/);
  });
});
