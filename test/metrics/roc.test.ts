import { describe, expect, it } from "vitest";
import type { RocCurve } from "../../shared/contract";
import {
  buildRocCurve,
  computeRocAuc,
  rocCurveMaxPoints,
  sortScoresByClass,
} from "../../electron/engine/metrics/roc";
import {
  generateClassificationRows,
  generateLargeClassificationRows,
} from "./generators";

function trapezoidArea(curve: RocCurve): number {
  const x = curve.falsePositiveRate;
  const y = curve.truePositiveRate;
  let area = 0;
  for (let index = 1; index < x.length; index++) {
    const width = (x[index] ?? 0) - (x[index - 1] ?? 0);
    area += (width * ((y[index] ?? 0) + (y[index - 1] ?? 0))) / 2;
  }
  return area;
}

function expectCurveShape(curve: RocCurve): void {
  const x = curve.falsePositiveRate;
  const y = curve.truePositiveRate;
  expect(x.length).toBe(y.length);
  expect([x[0], y[0]]).toEqual([0, 0]);
  expect([x.at(-1), y.at(-1)]).toEqual([1, 1]);
  for (let index = 1; index < x.length; index++) {
    expect(x[index]).toBeGreaterThanOrEqual(x[index - 1] ?? 0);
    expect(y[index]).toBeGreaterThanOrEqual(y[index - 1] ?? 0);
  }
}

function pointKeys(curve: RocCurve): Set<string> {
  return new Set(
    curve.falsePositiveRate.map(
      (fpr, index) => `${fpr},${curve.truePositiveRate[index]}`,
    ),
  );
}

describe("ROC curve on generated rows", () => {
  // References from scikit-learn 1.2.1. Run with python3:
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
  // def classification_rows(seed, n):
  //     draw = lcg(seed)
  //     y, k = [], []
  //     for _ in range(n):
  //         label = 1 if next(draw) % 10 < 4 else 0
  //         r = next(draw) % 141
  //         k.append(min(100, max(0, r - 30 if label else r - 60)))
  //         y.append(label)
  //     return np.array(y), np.array(k) / 100
  //
  // def large_rows(seed, n):
  //     draw = lcg(seed)
  //     y, s = [], []
  //     for _ in range(n):
  //         label = next(draw) % 2
  //         s.append((next(draw) % 10000 + 3000 * label) / 13000)
  //         y.append(label)
  //     return np.array(y), np.array(s)
  //
  // for y, p in (classification_rows(12345, 400), large_rows(777, 100_000)):
  //     fpr, tpr, _ = m.roc_curve(y, p, drop_intermediate=False)
  //     print(m.roc_auc_score(y, p), len(fpr))
  //
  // It prints the values below. roc_curve's length includes the origin.
  const cases = [
    {
      name: "400 tied rows",
      rows: generateClassificationRows(12345, 400),
      rocAuc: 0.6787362637362637,
      points: 95,
    },
    {
      name: "100k rows",
      rows: generateLargeClassificationRows(777, 100_000),
      rocAuc: 0.7581888649329807,
      points: 12953,
    },
  ];

  for (const { name, rows, rocAuc, points } of cases) {
    const sorted = sortScoresByClass(rows.yTrue, rows.scores);
    const fullCurve = buildRocCurve(sorted, Number.POSITIVE_INFINITY);

    it(`matches ROC AUC for ${name}`, () => {
      expect(Math.abs(computeRocAuc(sorted) - rocAuc)).toBeLessThan(1e-12);
    });

    it(`has one point per threshold for ${name}`, () => {
      expect(fullCurve.falsePositiveRate.length).toBe(points);
      expectCurveShape(fullCurve);
    });

    it(`has trapezoid area equal to AUC for ${name}`, () => {
      const area = trapezoidArea(fullCurve);
      expect(Math.abs(area - computeRocAuc(sorted))).toBeLessThan(1e-12);
    });
  }

  it("thins 100k rows within the cap", () => {
    const rows = generateLargeClassificationRows(777, 100_000);
    const sorted = sortScoresByClass(rows.yTrue, rows.scores);
    const fullPoints = pointKeys(buildRocCurve(sorted, Infinity));
    const thinned = buildRocCurve(sorted);
    expect(thinned.falsePositiveRate.length).toBeLessThanOrEqual(
      rocCurveMaxPoints,
    );
    expectCurveShape(thinned);
    for (const point of pointKeys(thinned)) {
      expect(fullPoints.has(point)).toBe(true);
    }
    expect(Math.abs(trapezoidArea(thinned) - 0.7581888649329807)).toBeLessThan(
      1e-3,
    );
  });
});

describe("ROC curve thinning", () => {
  it("drops collinear points first", () => {
    // 1,500 positives score above 1,500 negatives, every score distinct. The
    // full curve climbs to (0, 1) in 1,500 equal steps, then runs to (1, 1)
    // in 1,500 more: 3,001 points, of which only the corners are not
    // collinear. AUC = 1 because every positive beats every negative.
    const rows = 3000;
    const yTrue = Uint8Array.from({ length: rows }, (_, row) =>
      row < 1500 ? 1 : 0,
    );
    const scores = Float64Array.from(
      { length: rows },
      (_, row) => (rows - row) / rows,
    );
    const sorted = sortScoresByClass(yTrue, scores);
    expect(buildRocCurve(sorted, Infinity).falsePositiveRate.length).toBe(3001);
    expect(buildRocCurve(sorted)).toEqual({
      falsePositiveRate: [0, 0, 1],
      truePositiveRate: [0, 1, 1],
    });
    expect(computeRocAuc(sorted)).toBe(1);
  });

  it("keeps a staircase within the cap", () => {
    // Labels alternate 1, 0, 1, 0, ... by descending distinct score, so every
    // point of the full curve is a corner and none is collinear. The k-th
    // positive from the top (k = 0, 1, ...) beats N - k negatives, so with
    // N = P = 10,000: AUC = (N + (N - 1) + ... + 1) / N^2 = (N + 1) / (2N)
    // = 0.50005.
    const rows = 20_000;
    const yTrue = Uint8Array.from({ length: rows }, (_, row) =>
      row % 2 === 0 ? 1 : 0,
    );
    const scores = Float64Array.from(
      { length: rows },
      (_, row) => (rows - row) / rows,
    );
    const sorted = sortScoresByClass(yTrue, scores);
    expect(computeRocAuc(sorted)).toBeCloseTo(0.50005, 15);
    const thinned = buildRocCurve(sorted);
    expect(thinned.falsePositiveRate.length).toBeLessThanOrEqual(
      rocCurveMaxPoints,
    );
    expectCurveShape(thinned);
    expect(Math.abs(trapezoidArea(thinned) - 0.50005)).toBeLessThan(1e-3);
  });

  it("keeps a short curve whole", () => {
    // Scores 0.9 (positive), 0.5 (negative), 0.5 (positive), 0.1 (negative):
    // (0, 0), 0.9: (0, 1/2), 0.5: (1/2, 1), 0.1: (1, 1).
    const sorted = sortScoresByClass(
      Uint8Array.from([1, 0, 1, 0]),
      Float64Array.from([0.9, 0.5, 0.5, 0.1]),
    );
    expect(buildRocCurve(sorted)).toEqual({
      falsePositiveRate: [0, 0, 0.5, 1],
      truePositiveRate: [0, 0.5, 1, 1],
    });
  });
});
