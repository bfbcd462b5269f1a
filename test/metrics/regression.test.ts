import { describe, expect, it } from "vitest";
import { DossierError } from "../../electron/engine/errors";
import { computeRegressionMetrics } from "../../electron/engine/metrics";
import { generateRegressionRows } from "./generators";

function expectInvalidInput(run: () => unknown, message: RegExp): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe("invalidInput");
    expect((error as DossierError).message).toMatch(message);
    return;
  }
  expect.fail("expected an invalidInput DossierError");
}

describe("regression metrics by hand", () => {
  it("computes MAE, RMSE and R²", () => {
    // yTrue 3, -0.5, 2, 7; yPred 2.5, 0, 2, 8; errors 0.5, -0.5, 0, -1.
    // MAE = (0.5 + 0.5 + 0 + 1) / 4 = 0.5
    // MSE = (0.25 + 0.25 + 0 + 1) / 4 = 0.375, RMSE = sqrt(0.375)
    // mean = 11.5 / 4 = 2.875; SS_tot = 0.125^2 + 3.375^2 + 0.875^2 + 4.125^2
    //   = 0.015625 + 11.390625 + 0.765625 + 17.015625 = 29.1875
    // R² = 1 - 1.5 / 29.1875 = 0.948608137...
    const { metrics, undefinedMetrics } = computeRegressionMetrics({
      yTrue: Float64Array.from([3, -0.5, 2, 7]),
      yPred: Float64Array.from([2.5, 0, 2, 8]),
    });
    expect(metrics.mae).toBe(0.5);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(0.375), 15);
    expect(metrics.r2).toBeCloseTo(1 - 1.5 / 29.1875, 15);
    expect(undefinedMetrics).toEqual({});
  });

  it("accepts float32 predictions", () => {
    // 0.5, 2.25 and 2 are exact in float32. Errors 0.5, -0.25, 1:
    // MAE = 1.75 / 3; MSE = (0.25 + 0.0625 + 1) / 3 = 0.4375.
    // mean = 2, SS_tot = 1 + 0 + 1 = 2, R² = 1 - 1.3125 / 2 = 0.34375.
    const { metrics } = computeRegressionMetrics({
      yTrue: Float64Array.from([1, 2, 3]),
      yPred: Float32Array.from([0.5, 2.25, 2]),
    });
    expect(metrics.mae).toBeCloseTo(1.75 / 3, 15);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(0.4375), 15);
    expect(metrics.r2).toBe(0.34375);
  });
});

describe("regression metrics against scikit-learn", () => {
  // References from scikit-learn 1.2.1 with NumPy 1.24.2. Run with python3:
  //
  // import numpy as np
  // from sklearn import metrics as m
  //
  // def lcg(seed):
  //     state = seed
  //     while True:
  //         state = (1664525 * state + 1013904223) % 2**32
  //         yield state >> 16
  //
  // def regression_rows(seed, n, offset):
  //     draw = lcg(seed)
  //     t, p = [], []
  //     for _ in range(n):
  //         truth = offset + (next(draw) % 20001 - 10000) / 100
  //         t.append(truth)
  //         p.append(truth + (next(draw) % 2001 - 1000) / 250)
  //     return np.array(t), np.array(p)
  //
  // for offset in (0, 1e8):
  //     t, p = regression_rows(2024, 300, offset)
  //     print(m.mean_absolute_error(t, p),
  //           np.sqrt(m.mean_squared_error(t, p)), m.r2_score(t, p))
  //
  // It prints the values below. The offset of 1e8 checks that R² keeps its
  // precision when the true values share a large constant.
  const cases = [
    {
      offset: 0,
      mae: 2.000293333333333,
      rmse: 2.2966725379702404,
      r2: 0.9983526311464738,
    },
    {
      offset: 1e8,
      mae: 2.000293333331744,
      rmse: 2.2966725379930284,
      r2: 0.9983526311464451,
    },
  ];

  for (const expected of cases) {
    it(`matches with offset ${expected.offset}`, () => {
      const rows = generateRegressionRows(2024, 300, expected.offset);
      const { metrics, undefinedMetrics } = computeRegressionMetrics(rows);
      expect(Math.abs((metrics.mae ?? 0) - expected.mae)).toBeLessThan(1e-12);
      expect(Math.abs((metrics.rmse ?? 0) - expected.rmse)).toBeLessThan(1e-12);
      expect(Math.abs((metrics.r2 ?? 0) - expected.r2)).toBeLessThan(1e-12);
      expect(undefinedMetrics).toEqual({});
    });
  }
});

describe("undefined regression metrics", () => {
  it("leaves R² null for constant true values", () => {
    // Errors 1, -1, 0: MAE = 2 / 3, RMSE = sqrt(2 / 3). SS_tot = 0.
    const { metrics, undefinedMetrics } = computeRegressionMetrics({
      yTrue: Float64Array.from([4, 4, 4]),
      yPred: Float64Array.from([3, 5, 4]),
    });
    expect(metrics.r2).toBeNull();
    expect(undefinedMetrics.r2).toBe(
      "every true value is 4, so the total sum of squares is 0",
    );
    expect(metrics.mae).toBeCloseTo(2 / 3, 15);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(Object.keys(undefinedMetrics)).toEqual(["r2"]);
  });

  it("leaves every metric null for zero rows", () => {
    const { metrics, undefinedMetrics } = computeRegressionMetrics({
      yTrue: new Float64Array(0),
      yPred: new Float64Array(0),
    });
    expect(metrics).toEqual({ mae: null, rmse: null, r2: null });
    for (const name of ["mae", "rmse", "r2"]) {
      expect(undefinedMetrics[name]).toBe("the evaluation has zero rows");
    }
  });
});

describe("invalid regression input", () => {
  it("rejects arrays of different lengths", () => {
    expectInvalidInput(
      () =>
        computeRegressionMetrics({
          yTrue: Float64Array.from([1, 2]),
          yPred: Float64Array.from([1]),
        }),
      /yPred has length 1 but yTrue has length 2/,
    );
  });

  it("rejects non-finite values", () => {
    expectInvalidInput(
      () =>
        computeRegressionMetrics({
          yTrue: Float64Array.from([1, Number.NaN]),
          yPred: Float64Array.from([1, 2]),
        }),
      /Invalid true value NaN at row index 1/,
    );
    expectInvalidInput(
      () =>
        computeRegressionMetrics({
          yTrue: Float64Array.from([1, 2]),
          yPred: Float64Array.from([Number.POSITIVE_INFINITY, 2]),
        }),
      /Invalid prediction Infinity at row index 0/,
    );
  });
});
