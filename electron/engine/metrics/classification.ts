import type { ClassificationMetrics, RocCurve } from "../../../shared/contract";
import { invalidInput } from "../errors";
import { buildRocCurve, computeRocAuc, sortScoresByClass } from "./roc";
import { CompensatedSum } from "./summation";
import type { UndefinedMetrics } from "./types";
import { undefinedMetricReasons } from "./reasons";

export type ClassificationInput = {
  /** 1 for the positive label, 0 otherwise. */
  yTrue: Uint8Array;
  /** Predicted label, 1 or 0, from `scores >= threshold` or the model's labels. */
  yPred: Uint8Array;
  /** P(positive) per row, or null when the model outputs labels only. */
  scores: Float32Array | Float64Array | null;
};

export type ClassificationOutcome = {
  metrics: ClassificationMetrics;
  undefinedMetrics: UndefinedMetrics;
  /** Null when the model outputs labels only or the data has one class. */
  rocCurve: RocCurve | null;
};

/**
 * Lower clip for probabilities in log loss, which clips p to
 * [eps, 1 - eps]. scikit-learn 1.2's `log_loss(eps="auto")` uses the machine
 * epsilon of the input dtype, and this is its value for float64 input.
 * Float32 scores are widened to float64 and clipped with this value too, not
 * with float32's epsilon (1.19e-7).
 */
const logLossEpsilon = 2.220446049250313e-16;

const reasons = undefinedMetricReasons;

type ConfusionCounts = {
  trueNegatives: number;
  falsePositives: number;
  falseNegatives: number;
  truePositives: number;
};

type LabelMetrics = Pick<
  ClassificationMetrics,
  "accuracy" | "precision" | "recall" | "f1"
>;

type ScoreMetrics = Pick<ClassificationMetrics, "rocAuc" | "logLoss" | "brier">;

/**
 * Computes accuracy, precision, recall, F1, ROC AUC, log loss, Brier score,
 * the confusion matrix and the ROC curve for a binary classifier, with the
 * definitions of scikit-learn 1.2. A metric that is not defined for the input
 * is null, and `undefinedMetrics` gives the reason. Unlike scikit-learn's
 * `zero_division`, no undefined metric falls back to 0.
 *
 * Throws an invalidInput DossierError when the arrays differ in length, a
 * label is not 0 or 1, or a score is not a probability in [0, 1].
 */
export function computeClassificationMetrics(
  input: ClassificationInput,
): ClassificationOutcome {
  validateClassificationInput(input);
  const counts = countConfusion(input.yTrue, input.yPred);
  const undefinedMetrics: UndefinedMetrics = {};
  const labelMetrics = computeLabelMetrics(counts, undefinedMetrics);
  const { scoreMetrics, rocCurve } = computeScoreMetrics(
    input,
    counts,
    undefinedMetrics,
  );
  const metrics: ClassificationMetrics = {
    ...labelMetrics,
    ...scoreMetrics,
    confusionMatrix: [
      [counts.trueNegatives, counts.falsePositives],
      [counts.falseNegatives, counts.truePositives],
    ],
  };
  return { metrics, undefinedMetrics, rocCurve };
}

function validateClassificationInput(input: ClassificationInput): void {
  const { yTrue, yPred, scores } = input;
  if (yPred.length !== yTrue.length) {
    throw invalidInput(
      `yPred has length ${yPred.length} but yTrue has length ${yTrue.length}. Pass one predicted label per row.`,
    );
  }
  if (scores !== null && scores.length !== yTrue.length) {
    throw invalidInput(
      `scores has length ${scores.length} but yTrue has length ${yTrue.length}. Pass one score per row.`,
    );
  }
  validateBinaryLabels("yTrue", yTrue);
  validateBinaryLabels("yPred", yPred);
  if (scores !== null) {
    validateProbabilities(scores);
  }
}

function validateBinaryLabels(name: string, labels: Uint8Array): void {
  const row = labels.findIndex((label) => label > 1);
  if (row >= 0) {
    throw invalidInput(
      `Invalid ${name} value ${labels[row]} at row index ${row} (0-based). Use 1 for the positive label and 0 otherwise.`,
    );
  }
}

function validateProbabilities(scores: Float32Array | Float64Array): void {
  // The negated test also catches NaN.
  const row = scores.findIndex((score) => !(score >= 0 && score <= 1));
  if (row >= 0) {
    throw invalidInput(
      `Invalid score ${scores[row]} at row index ${row} (0-based): a score must be a probability of the positive class in [0, 1]. Check that the model outputs probabilities, not logits.`,
    );
  }
}

function countConfusion(yTrue: Uint8Array, yPred: Uint8Array): ConfusionCounts {
  const counts: ConfusionCounts = {
    trueNegatives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    truePositives: 0,
  };
  for (let row = 0; row < yTrue.length; row++) {
    if (yTrue[row] === 1) {
      if (yPred[row] === 1) counts.truePositives++;
      else counts.falseNegatives++;
    } else {
      if (yPred[row] === 1) counts.falsePositives++;
      else counts.trueNegatives++;
    }
  }
  return counts;
}

function recordUndefined(
  names: (keyof ClassificationMetrics)[],
  reason: string,
  undefinedMetrics: UndefinedMetrics,
): void {
  for (const name of names) {
    undefinedMetrics[name] = reason;
  }
}

/**
 * Returns numerator / denominator, or null with `reason` recorded under
 * `name` when the denominator is 0.
 */
function divideOrRecord(
  name: keyof ClassificationMetrics,
  numerator: number,
  denominator: number,
  reason: string,
  undefinedMetrics: UndefinedMetrics,
): number | null {
  if (denominator === 0) {
    undefinedMetrics[name] = reason;
    return null;
  }
  return numerator / denominator;
}

function computeLabelMetrics(
  counts: ConfusionCounts,
  undefinedMetrics: UndefinedMetrics,
): LabelMetrics {
  const {
    trueNegatives: tn,
    falsePositives: fp,
    falseNegatives: fn,
    truePositives: tp,
  } = counts;
  const rows = tn + fp + fn + tp;
  if (rows === 0) {
    recordUndefined(
      ["accuracy", "precision", "recall", "f1"],
      reasons.noRows,
      undefinedMetrics,
    );
    return { accuracy: null, precision: null, recall: null, f1: null };
  }
  return {
    accuracy: (tp + tn) / rows,
    precision: divideOrRecord(
      "precision",
      tp,
      tp + fp,
      reasons.noPredictedPositive,
      undefinedMetrics,
    ),
    recall: divideOrRecord(
      "recall",
      tp,
      tp + fn,
      reasons.noPositiveRow,
      undefinedMetrics,
    ),
    f1: divideOrRecord(
      "f1",
      2 * tp,
      2 * tp + fp + fn,
      reasons.noPositiveRowOrPrediction,
      undefinedMetrics,
    ),
  };
}

function computeScoreMetrics(
  input: ClassificationInput,
  counts: ConfusionCounts,
  undefinedMetrics: UndefinedMetrics,
): { scoreMetrics: ScoreMetrics; rocCurve: RocCurve | null } {
  const { yTrue, scores } = input;
  if (yTrue.length === 0 || scores === null) {
    recordUndefined(
      ["rocAuc", "logLoss", "brier"],
      yTrue.length === 0 ? reasons.noRows : reasons.labelsOnly,
      undefinedMetrics,
    );
    return {
      scoreMetrics: { rocAuc: null, logLoss: null, brier: null },
      rocCurve: null,
    };
  }
  const logLoss = computeLogLoss(yTrue, scores);
  const brier = computeBrierScore(yTrue, scores);
  const positives = counts.truePositives + counts.falseNegatives;
  const negatives = counts.trueNegatives + counts.falsePositives;
  if (positives === 0 || negatives === 0) {
    undefinedMetrics.rocAuc =
      positives === 0 ? reasons.onlyNegative : reasons.onlyPositive;
    return { scoreMetrics: { rocAuc: null, logLoss, brier }, rocCurve: null };
  }
  const sorted = sortScoresByClass(yTrue, scores);
  return {
    scoreMetrics: { rocAuc: computeRocAuc(sorted), logLoss, brier },
    rocCurve: buildRocCurve(sorted),
  };
}

/** Mean of -[y log p + (1 - y) log(1 - p)] with p clipped to [eps, 1 - eps]. */
function computeLogLoss(
  yTrue: Uint8Array,
  scores: Float32Array | Float64Array,
): number {
  const total = new CompensatedSum();
  for (let row = 0; row < yTrue.length; row++) {
    const score = scores[row] ?? Number.NaN;
    const p = Math.min(Math.max(score, logLossEpsilon), 1 - logLossEpsilon);
    // log1p(-p) avoids rounding 1 - p before the logarithm.
    total.add(yTrue[row] === 1 ? -Math.log(p) : -Math.log1p(-p));
  }
  return total.value / yTrue.length;
}

/** Mean of (p - y)^2. */
function computeBrierScore(
  yTrue: Uint8Array,
  scores: Float32Array | Float64Array,
): number {
  const total = new CompensatedSum();
  for (let row = 0; row < yTrue.length; row++) {
    const error = (scores[row] ?? Number.NaN) - (yTrue[row] ?? Number.NaN);
    total.add(error * error);
  }
  return total.value / yTrue.length;
}
