import { describe, expect, it } from "vitest";
import { DossierError } from "../../electron/engine/errors";
import {
  computeClassificationMetrics,
  type ClassificationOutcome,
} from "../../electron/engine/metrics";
import { generateClassificationRows, labelsAtThreshold } from "./generators";

const metricNames = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "rocAuc",
  "logLoss",
  "brier",
] as const;

/** Checks that the null metrics and the reasons name the same metrics. */
function expectReasonForEachNull(outcome: ClassificationOutcome): void {
  const nullNames = metricNames.filter(
    (name) => outcome.metrics[name] === null,
  );
  expect(Object.keys(outcome.undefinedMetrics).sort()).toEqual(
    [...nullNames].sort(),
  );
  for (const name of nullNames) {
    expect(outcome.undefinedMetrics[name]).toMatch(/\w/);
  }
}

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

describe("classification metrics by hand", () => {
  // row     0    1    2    3    4    5    6    7
  // yTrue   1    1    1    0    0    0    0    1
  // score  0.9  0.8  0.4  0.8  0.3  0.1  0.6  0.6
  // yPred   1    1    0    1    0    0    1    1   (score >= 0.5)
  // tp = rows 0, 1, 7 = 3    fn = row 2 = 1
  // fp = rows 3, 6 = 2       tn = rows 4, 5 = 2
  const yTrue = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 1]);
  const scores = Float64Array.from([0.9, 0.8, 0.4, 0.8, 0.3, 0.1, 0.6, 0.6]);
  const outcome = computeClassificationMetrics({
    yTrue,
    yPred: labelsAtThreshold(scores, 0.5),
    scores,
  });

  it("counts the confusion matrix", () => {
    expect(outcome.metrics.confusionMatrix).toEqual([
      [2, 2],
      [1, 3],
    ]);
  });

  it("computes the threshold metrics", () => {
    // accuracy = (tp + tn) / 8 = 5 / 8
    expect(outcome.metrics.accuracy).toBe(0.625);
    // precision = tp / (tp + fp) = 3 / 5
    expect(outcome.metrics.precision).toBe(0.6);
    // recall = tp / (tp + fn) = 3 / 4
    expect(outcome.metrics.recall).toBe(0.75);
    // F1 = 2tp / (2tp + fp + fn) = 6 / 9
    expect(outcome.metrics.f1).toBeCloseTo(2 / 3, 15);
    expect(outcome.undefinedMetrics).toEqual({});
  });

  it("counts tied pairs as one half in ROC AUC", () => {
    // Positive scores 0.9, 0.8, 0.4, 0.6; negative scores 0.8, 0.3, 0.1, 0.6.
    // Pairs won by each positive against the four negatives:
    //   0.9: beats all four                         4
    //   0.8: ties 0.8, beats 0.3, 0.1, 0.6          3.5
    //   0.4: beats 0.3, 0.1                         2
    //   0.6: beats 0.3, 0.1, ties 0.6               2.5
    // AUC = 12 / 16
    expect(outcome.metrics.rocAuc).toBe(0.75);
  });

  it("computes log loss and Brier score", () => {
    // Log loss = -mean of ln(p) for positives and ln(1 - p) for negatives:
    // ln .9 + ln .8 + ln .4 + ln .6 + ln .2 + ln .7 + ln .9 + ln .4
    //   = -0.1053605 - 0.2231436 - 0.9162907 - 0.5108256
    //     - 1.6094379 - 0.3566749 - 0.1053605 - 0.9162907 = -4.7433845
    // and 4.7433845 / 8 = 0.5929231. scikit-learn's log_loss gives
    // 0.5929230658146245.
    expect(outcome.metrics.logLoss).toBeCloseTo(0.5929230658146245, 12);
    // Brier = mean of (p - y)^2:
    // positives .01 + .04 + .36 + .16 = .57; negatives .64 + .09 + .01 + .36
    // = 1.10; (0.57 + 1.10) / 8 = 0.20875
    expect(outcome.metrics.brier).toBeCloseTo(0.20875, 15);
  });

  it("returns the ROC curve at each distinct score", () => {
    // Thresholds from the top, with P = N = 4:
    //   origin (0, 0); 0.9: tp 1; 0.8: tp 2, fp 1; 0.6: tp 3, fp 2;
    //   0.4: tp 4; 0.3: fp 3; 0.1: fp 4.
    expect(outcome.rocCurve).toEqual({
      falsePositiveRate: [0, 0, 0.25, 0.5, 0.5, 0.75, 1],
      truePositiveRate: [0, 0.25, 0.5, 0.75, 1, 1, 1],
    });
  });
});

describe("classification metrics against scikit-learn", () => {
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
  // y, p = classification_rows(12345, 400)
  // pred = (p >= 0.5).astype(int)
  // eps = np.finfo(np.float64).eps
  // print(m.accuracy_score(y, pred), m.precision_score(y, pred))
  // print(m.recall_score(y, pred), m.f1_score(y, pred))
  // print(m.roc_auc_score(y, p), m.log_loss(y, p, eps=eps))
  // print(m.brier_score_loss(y, p), m.confusion_matrix(y, pred).tolist())
  // print(len(np.unique(p)), (p == 0).sum(), (p == 1).sum())
  // p32 = p.astype(np.float32).astype(np.float64)
  // print(m.roc_auc_score(y, p32), m.log_loss(y, p32, eps=eps))
  // print(m.brier_score_loss(y, p32))
  //
  // It prints the values below. The 400 rows have 94 distinct scores, 141
  // scores of exactly 0 and 9 of exactly 1, so ties and clipping both occur.
  const { yTrue, scores } = generateClassificationRows(12345, 400);
  const yPred = labelsAtThreshold(scores, 0.5);
  const tolerance = 1e-12;

  it("matches on float64 scores", () => {
    const { metrics, undefinedMetrics } = computeClassificationMetrics({
      yTrue,
      yPred,
      scores,
    });
    expect(metrics.confusionMatrix).toEqual([
      [199, 61],
      [76, 64],
    ]);
    expect(metrics.accuracy).toBeCloseTo(0.6575, 12);
    expect(metrics.precision).toBeCloseTo(0.512, 12);
    expect(metrics.recall).toBeCloseTo(0.45714285714285713, 12);
    expect(metrics.f1).toBeCloseTo(0.4830188679245283, 12);
    expect(metrics.rocAuc).toBeCloseTo(0.6787362637362637, 12);
    expect(Math.abs((metrics.logLoss ?? 0) - 2.770653254073169)).toBeLessThan(
      tolerance,
    );
    expect(metrics.brier).toBeCloseTo(0.23976825, 12);
    expect(undefinedMetrics).toEqual({});
  });

  it("matches on float32 scores", () => {
    // The float32 scores are widened to float64 and clipped with float64's
    // epsilon, as scikit-learn does with p32 above.
    const scores32 = Float32Array.from(scores);
    const { metrics } = computeClassificationMetrics({
      yTrue,
      yPred: labelsAtThreshold(scores32, 0.5),
      scores: scores32,
    });
    expect(metrics.rocAuc).toBeCloseTo(0.6787362637362637, 12);
    expect(Math.abs((metrics.logLoss ?? 0) - 2.770653255695282)).toBeLessThan(
      tolerance,
    );
    expect(metrics.brier).toBeCloseTo(0.23976825053655737, 12);
  });
});

describe("undefined classification metrics", () => {
  it("leaves precision null without predicted positives", () => {
    const outcome = computeClassificationMetrics({
      yTrue: Uint8Array.from([1, 0, 1, 0]),
      yPred: Uint8Array.from([0, 0, 0, 0]),
      scores: Float64Array.from([0.4, 0.1, 0.3, 0.2]),
    });
    expect(outcome.metrics.precision).toBeNull();
    expect(outcome.undefinedMetrics.precision).toBe(
      "the model predicted no positive row, so tp + fp = 0",
    );
    // tp = 0, fn = 2: recall = 0 / 2 and F1 = 0 / (0 + 0 + 2), both defined.
    expect(outcome.metrics.recall).toBe(0);
    expect(outcome.metrics.f1).toBe(0);
    expectReasonForEachNull(outcome);
  });

  it("leaves recall and ROC AUC null without true positives", () => {
    const outcome = computeClassificationMetrics({
      yTrue: Uint8Array.from([0, 0, 0]),
      yPred: Uint8Array.from([1, 0, 0]),
      scores: Float64Array.from([0.9, 0.2, 0.1]),
    });
    expect(outcome.metrics.recall).toBeNull();
    expect(outcome.undefinedMetrics.recall).toMatch(/no positive row/);
    expect(outcome.metrics.rocAuc).toBeNull();
    expect(outcome.undefinedMetrics.rocAuc).toMatch(/only negative rows/);
    expect(outcome.rocCurve).toBeNull();
    // tp = 0, fp = 1: precision = 0 / 1 and F1 = 0 / 1.
    expect(outcome.metrics.precision).toBe(0);
    expect(outcome.metrics.f1).toBe(0);
    // Log loss = -(ln 0.1 + ln 0.8 + ln 0.9) / 3, Brier = (.81 + .04 + .01) / 3.
    expect(outcome.metrics.logLoss).toBeCloseTo(
      -(Math.log(0.1) + Math.log(0.8) + Math.log(0.9)) / 3,
      12,
    );
    expect(outcome.metrics.brier).toBeCloseTo(0.86 / 3, 12);
    expectReasonForEachNull(outcome);
  });

  it("leaves F1 null without any positive", () => {
    const outcome = computeClassificationMetrics({
      yTrue: Uint8Array.from([0, 0]),
      yPred: Uint8Array.from([0, 0]),
      scores: Float64Array.from([0.2, 0.1]),
    });
    expect(outcome.metrics.accuracy).toBe(1);
    expect(outcome.metrics.precision).toBeNull();
    expect(outcome.metrics.recall).toBeNull();
    expect(outcome.metrics.f1).toBeNull();
    expect(outcome.undefinedMetrics.f1).toMatch(/2tp \+ fp \+ fn = 0/);
    expect(outcome.metrics.rocAuc).toBeNull();
    expectReasonForEachNull(outcome);
  });

  it("leaves ROC AUC null with only positive rows", () => {
    const outcome = computeClassificationMetrics({
      yTrue: Uint8Array.from([1, 1]),
      yPred: Uint8Array.from([1, 0]),
      scores: Float64Array.from([0.7, 0.3]),
    });
    expect(outcome.metrics.rocAuc).toBeNull();
    expect(outcome.undefinedMetrics.rocAuc).toMatch(/only positive rows/);
    expect(outcome.rocCurve).toBeNull();
    expectReasonForEachNull(outcome);
  });

  it("leaves score metrics null for labels only", () => {
    const outcome = computeClassificationMetrics({
      yTrue: Uint8Array.from([1, 0, 1]),
      yPred: Uint8Array.from([1, 0, 0]),
      scores: null,
    });
    for (const name of ["rocAuc", "logLoss", "brier"] as const) {
      expect(outcome.metrics[name]).toBeNull();
      expect(outcome.undefinedMetrics[name]).toMatch(
        /the model outputs labels only/,
      );
    }
    expect(outcome.rocCurve).toBeNull();
    // 2 of 3 rows right; tp = 1, fp = 0, fn = 1.
    expect(outcome.metrics.accuracy).toBeCloseTo(2 / 3, 15);
    expect(outcome.metrics.precision).toBe(1);
    expect(outcome.metrics.recall).toBe(0.5);
    expectReasonForEachNull(outcome);
  });

  it("leaves every metric null for zero rows", () => {
    const outcome = computeClassificationMetrics({
      yTrue: new Uint8Array(0),
      yPred: new Uint8Array(0),
      scores: new Float64Array(0),
    });
    for (const name of metricNames) {
      expect(outcome.metrics[name]).toBeNull();
      expect(outcome.undefinedMetrics[name]).toBe(
        "the evaluation has zero rows",
      );
    }
    expect(outcome.metrics.confusionMatrix).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(outcome.rocCurve).toBeNull();
  });
});

describe("invalid classification input", () => {
  it("rejects arrays of different lengths", () => {
    expectInvalidInput(
      () =>
        computeClassificationMetrics({
          yTrue: Uint8Array.from([1, 0]),
          yPred: Uint8Array.from([1]),
          scores: null,
        }),
      /yPred has length 1 but yTrue has length 2/,
    );
    expectInvalidInput(
      () =>
        computeClassificationMetrics({
          yTrue: Uint8Array.from([1, 0]),
          yPred: Uint8Array.from([1, 0]),
          scores: Float64Array.from([0.5]),
        }),
      /scores has length 1 but yTrue has length 2/,
    );
  });

  it("rejects labels other than 0 and 1", () => {
    expectInvalidInput(
      () =>
        computeClassificationMetrics({
          yTrue: Uint8Array.from([1, 2]),
          yPred: Uint8Array.from([1, 0]),
          scores: null,
        }),
      /Invalid yTrue value 2 at row index 1/,
    );
  });

  it("rejects scores outside [0, 1]", () => {
    for (const [score, shown] of [
      [1.5, "1.5"],
      [-0.1, "-0.1"],
      [Number.NaN, "NaN"],
    ] as const) {
      expectInvalidInput(
        () =>
          computeClassificationMetrics({
            yTrue: Uint8Array.from([1, 0]),
            yPred: Uint8Array.from([1, 0]),
            scores: Float64Array.from([0.5, score]),
          }),
        new RegExp(`Invalid score ${shown} at row index 1`),
      );
    }
  });
});
