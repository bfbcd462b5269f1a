import type { RegressionMetrics } from "../../../shared/contract";
import { invalidInput } from "../errors";
import { CompensatedSum } from "./summation";
import type { UndefinedMetrics } from "./types";
import { describeReason } from "./reasons";

export type RegressionInput = {
  yTrue: Float64Array;
  yPred: Float64Array | Float32Array;
};

export type RegressionOutcome = {
  metrics: RegressionMetrics;
  undefinedMetrics: UndefinedMetrics;
};

/**
 * Computes MAE, RMSE and R² with the definitions of scikit-learn 1.2. Sums run
 * in float64 with compensated summation, and the total sum of squares uses
 * the two-pass form (mean first), which stays accurate when the values share
 * a large offset. R² is null when every true value is the same, where
 * scikit-learn 1.2 returns 1.0 or 0.0 instead.
 *
 * Throws an invalidInput DossierError when the arrays differ in length or a
 * value is not finite.
 */
export function computeRegressionMetrics(
  input: RegressionInput,
): RegressionOutcome {
  const { yTrue, yPred } = input;
  validateRegressionInput(input);

  const rows = yTrue.length;
  if (rows === 0) {
    const reason = describeReason("noRows");
    return {
      metrics: { mae: null, rmse: null, r2: null },
      undefinedMetrics: { mae: reason, rmse: reason, r2: reason },
    };
  }
  const absoluteErrors = new CompensatedSum();
  const squaredErrors = new CompensatedSum();
  for (let row = 0; row < rows; row++) {
    const error = (yTrue[row] ?? Number.NaN) - (yPred[row] ?? Number.NaN);
    absoluteErrors.add(Math.abs(error));
    squaredErrors.add(error * error);
  }

  const mae = absoluteErrors.value / rows;
  const rmse = Math.sqrt(squaredErrors.value / rows);

  const first = yTrue[0] ?? Number.NaN;
  if (yTrue.every((value) => value === first)) {
    return {
      metrics: { mae, rmse, r2: null },
      undefinedMetrics: {
        r2: describeReason("constantLabel", { value: String(first) }),
      },
    };
  }
  const r2 = 1 - squaredErrors.value / totalSumOfSquares(yTrue);
  return { metrics: { mae, rmse, r2 }, undefinedMetrics: {} };
}

function validateRegressionInput({ yTrue, yPred }: RegressionInput): void {
  if (yPred.length !== yTrue.length) {
    throw invalidInput(
      `yPred has length ${yPred.length} but yTrue has length ${yTrue.length}. Pass one prediction per row.`,
    );
  }
  const trueRow = yTrue.findIndex((value) => !Number.isFinite(value));
  if (trueRow >= 0) {
    throw invalidInput(
      `Invalid true value ${yTrue[trueRow]} at row index ${trueRow} (0-based). Remove or fill rows with a missing label before evaluating.`,
    );
  }
  const predictedRow = yPred.findIndex((value) => !Number.isFinite(value));
  if (predictedRow >= 0) {
    throw invalidInput(
      `Invalid prediction ${yPred[predictedRow]} at row index ${predictedRow} (0-based): the model output is not a finite number. Check the model's inputs for that row.`,
    );
  }
}

/** Sum of (y - mean)^2, computed after the mean rather than from sums of y and y^2. */
function totalSumOfSquares(yTrue: Float64Array): number {
  const total = new CompensatedSum();
  for (const value of yTrue) {
    total.add(value);
  }
  const mean = total.value / yTrue.length;
  const squares = new CompensatedSum();
  for (const value of yTrue) {
    squares.add((value - mean) * (value - mean));
  }
  return squares.value;
}
