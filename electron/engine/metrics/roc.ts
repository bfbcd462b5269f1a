import type { RocCurve } from "../../../shared/contract";
import { DossierError, invariant } from "../errors";

/**
 * Maximum number of points in the ROC curve that a report draws. Thinning
 * guarantees this cap, so a smooth curve keeps fewer: about 360 points for
 * 16k to 1M rows of generated data with mostly distinct scores.
 */
export const rocCurveMaxPoints = 1000;

/**
 * Scores split by true class, each sorted ascending. ROC AUC and the ROC
 * curve both walk these arrays, so the rows are sorted once per evaluation.
 */
export type SortedScores = {
  positive: Float64Array;
  negative: Float64Array;
};

/**
 * Cumulative counts at each distinct score threshold, from the highest score
 * down: point k counts the rows with a score at or above threshold k. Point 0
 * is the origin. The counts are integers, so collinearity tests on them are
 * exact.
 */
type RocCounts = {
  falsePositives: Float64Array;
  truePositives: Float64Array;
  negativeCount: number;
  positiveCount: number;
};

/** Reads an element whose index the caller has bounded by the length. */
function at(values: Float64Array, index: number): number {
  const value = values[index];
  if (value === undefined) {
    throw new DossierError("internal", `Index ${index} is out of range`);
  }
  return value;
}

/**
 * Splits `scores` by `yTrue` (1 is positive) and sorts each part. Typed arrays
 * sort numerically in native code, with no comparator callback per pair.
 */
export function sortScoresByClass(
  yTrue: Uint8Array,
  scores: Float32Array | Float64Array,
): SortedScores {
  let positiveCount = 0;
  for (const label of yTrue) {
    positiveCount += label;
  }
  const positive = new Float64Array(positiveCount);
  const negative = new Float64Array(yTrue.length - positiveCount);
  let positiveIndex = 0;
  let negativeIndex = 0;
  for (let row = 0; row < yTrue.length; row++) {
    const score = scores[row] ?? Number.NaN;
    if (yTrue[row] === 1) {
      positive[positiveIndex++] = score;
    } else {
      negative[negativeIndex++] = score;
    }
  }
  positive.sort();
  negative.sort();
  return { positive, negative };
}

/**
 * Calls `visit` once per distinct score, from the highest score down, with
 * the number of positive and negative rows that have that score.
 */
function visitTieGroupsDescending(
  sorted: SortedScores,
  visit: (positives: number, negatives: number) => void,
): void {
  const { positive, negative } = sorted;
  let positiveIndex = positive.length - 1;
  let negativeIndex = negative.length - 1;
  while (positiveIndex >= 0 || negativeIndex >= 0) {
    // Scores are finite, so -Infinity marks an exhausted array.
    const score = Math.max(
      positive[positiveIndex] ?? -Infinity,
      negative[negativeIndex] ?? -Infinity,
    );
    let positives = 0;
    while (positiveIndex >= 0 && positive[positiveIndex] === score) {
      positives++;
      positiveIndex--;
    }
    let negatives = 0;
    while (negativeIndex >= 0 && negative[negativeIndex] === score) {
      negatives++;
      negativeIndex--;
    }
    visit(positives, negatives);
  }
}

/**
 * Computes ROC AUC in the Mann–Whitney form: the share of (positive, negative)
 * pairs in which the positive row has the higher score, with a tie counting
 * one half. This matches scikit-learn's `roc_auc_score` for binary labels.
 * Both classes must be present.
 */
export function computeRocAuc(sorted: SortedScores): number {
  const positiveCount = sorted.positive.length;
  const negativeCount = sorted.negative.length;
  invariant(
    positiveCount > 0 && negativeCount > 0,
    "ROC AUC needs at least one positive and one negative row",
  );
  // Twice the U statistic is an integer of at most 2 * P * N, which is exact
  // in a double below about 134 million rows, so only the division rounds.
  let doubledWins = 0;
  let negativesAbove = 0;
  visitTieGroupsDescending(sorted, (positives, negatives) => {
    const negativesBelow = negativeCount - negativesAbove - negatives;
    doubledWins += positives * (2 * negativesBelow + negatives);
    negativesAbove += negatives;
  });
  return doubledWins / (2 * positiveCount * negativeCount);
}

function countRocPoints(sorted: SortedScores): RocCounts {
  const capacity = sorted.positive.length + sorted.negative.length + 1;
  const falsePositives = new Float64Array(capacity);
  const truePositives = new Float64Array(capacity);
  let length = 1;
  let falsePositiveTotal = 0;
  let truePositiveTotal = 0;
  visitTieGroupsDescending(sorted, (positives, negatives) => {
    truePositiveTotal += positives;
    falsePositiveTotal += negatives;
    falsePositives[length] = falsePositiveTotal;
    truePositives[length] = truePositiveTotal;
    length++;
  });
  return {
    falsePositives: falsePositives.subarray(0, length),
    truePositives: truePositives.subarray(0, length),
    negativeCount: sorted.negative.length,
    positiveCount: sorted.positive.length,
  };
}

/**
 * Drops every point that lies on the straight line between its neighbours.
 * This generalizes scikit-learn's `drop_intermediate` rule, which drops a
 * point only when its two neighbouring steps are equal. The area under the
 * curve does not change, because each dropped point lies on the segment that
 * replaces it.
 */
function dropCollinearPoints(counts: RocCounts): RocCounts {
  const fp = counts.falsePositives;
  const tp = counts.truePositives;
  const keptFp = new Float64Array(fp.length);
  const keptTp = new Float64Array(tp.length);
  let kept = 0;
  for (let index = 0; index < fp.length; index++) {
    const x = at(fp, index);
    const y = at(tp, index);
    if (kept >= 2) {
      const startX = at(keptFp, kept - 2);
      const startY = at(keptTp, kept - 2);
      const middleX = at(keptFp, kept - 1);
      const middleY = at(keptTp, kept - 1);
      // Every step points up and right, so a zero cross product means the
      // middle point lies on the segment from start to this point. Each
      // product is at most N * P, which is exact in a double below about 190
      // million rows.
      const cross =
        (middleX - startX) * (y - middleY) - (x - middleX) * (middleY - startY);
      if (cross === 0) {
        kept--;
      }
    }
    keptFp[kept] = x;
    keptTp[kept] = y;
    kept++;
  }
  return {
    ...counts,
    falsePositives: keptFp.subarray(0, kept),
    truePositives: keptTp.subarray(0, kept),
  };
}

/**
 * Thins the curve evenly along its length, measured as FPR + TPR (which rises
 * from 0 to 2). With spacing h = 4 / (maxPoints - 2), a point is kept when
 * skipping it would make the stretch since the last kept point longer than h.
 *
 * Every stretch between kept points is then either a single segment of the
 * full curve or at most h long, so no corner is cut by more than h. Any two
 * consecutive stretches together exceed h, which bounds the point count by
 * maxPoints. The area changes by at most h^2 / 8 per stretch, about
 * 2 / maxPoints in total.
 */
function thinByCurveLength(counts: RocCounts, maxPoints: number): RocCounts {
  const { falsePositives, truePositives, negativeCount, positiveCount } =
    counts;
  const spacing = 4 / (maxPoints - 2);
  const positionAt = (index: number): number =>
    at(falsePositives, index) / negativeCount +
    at(truePositives, index) / positiveCount;
  const last = falsePositives.length - 1;
  const kept: number[] = [0];
  let keptPosition = 0;
  for (let index = 1; index < last; index++) {
    if (positionAt(index + 1) - keptPosition > spacing) {
      kept.push(index);
      keptPosition = positionAt(index);
    }
  }
  kept.push(last);
  invariant(
    kept.length <= maxPoints,
    `thinned ROC curve has ${kept.length} points, above ${maxPoints}`,
  );
  return {
    ...counts,
    falsePositives: Float64Array.from(kept, (index) =>
      at(falsePositives, index),
    ),
    truePositives: Float64Array.from(kept, (index) => at(truePositives, index)),
  };
}

function toRates(counts: RocCounts): RocCurve {
  const falsePositiveRate: number[] = [];
  const truePositiveRate: number[] = [];
  for (let index = 0; index < counts.falsePositives.length; index++) {
    falsePositiveRate.push(
      at(counts.falsePositives, index) / counts.negativeCount,
    );
    truePositiveRate.push(
      at(counts.truePositives, index) / counts.positiveCount,
    );
  }
  return { falsePositiveRate, truePositiveRate };
}

/**
 * Builds the ROC curve: one (FPR, TPR) point per distinct score threshold,
 * from (0, 0) to (1, 1), as scikit-learn's
 * `roc_curve(drop_intermediate=False)` returns it. A curve with more than
 * `maxPoints` points first loses its collinear points and then, if still too
 * long, is thinned along its length. Both classes must be present.
 */
export function buildRocCurve(
  sorted: SortedScores,
  maxPoints = rocCurveMaxPoints,
): RocCurve {
  invariant(
    sorted.positive.length > 0 && sorted.negative.length > 0,
    "the ROC curve needs at least one positive and one negative row",
  );
  invariant(maxPoints >= 4, `maxPoints must be at least 4, got ${maxPoints}`);
  let counts = countRocPoints(sorted);
  if (counts.falsePositives.length > maxPoints) {
    counts = dropCollinearPoints(counts);
  }
  if (counts.falsePositives.length > maxPoints) {
    counts = thinByCurveLength(counts, maxPoints);
  }
  return toRates(counts);
}
