import { describeRow, type Table } from "../data/table";
import { DossierError, invalidInput } from "../errors";
import type { OutputColumn } from "../onnx/run";

/** P(positive class) per row, read from a probability output. */
export function positiveScores(
  probability: OutputColumn,
  classLabels: string[],
  positiveClass: string,
  table: Table,
): Float64Array {
  const rowCount = probability.data.length / probability.width;
  const scores = new Float64Array(rowCount);
  const values = probability.data;
  if (Array.isArray(values) || values instanceof BigInt64Array) {
    throw new DossierError(
      "internal",
      `The probability output ${probability.name} is not a float tensor`,
    );
  }

  if (probability.width === 1) {
    // A single column is P(class 1), so the other class gets its complement.
    const isClassOne = classLabels.indexOf(positiveClass) === 1;
    for (let row = 0; row < rowCount; row += 1) {
      const value = values[row] ?? Number.NaN;
      scores[row] = isClassOne ? value : 1 - value;
    }
  } else {
    const column = classLabels.indexOf(positiveClass);
    if (column < 0 || column >= probability.width) {
      throw invalidInput(
        `The class '${positiveClass}' has no column in the probability output ${probability.name}; ` +
          "pass --positive-class with a class of the model.",
      );
    }
    for (let row = 0; row < rowCount; row += 1) {
      scores[row] = values[row * probability.width + column] ?? Number.NaN;
    }
  }

  const invalidRow = scores.findIndex((score) => !(score >= 0 && score <= 1));
  if (invalidRow >= 0) {
    throw invalidInput(
      `The model's probability for ${describeRow(table, invalidRow)} is ${scores[invalidRow]}, outside [0, 1]; ` +
        "check the missing values in that row and the model's output.",
    );
  }
  return scores;
}

/** 1 where the model's predicted label is the positive class. */
export function labelPredictions(
  labels: OutputColumn,
  positiveClass: string,
): Uint8Array {
  const rowCount = labels.data.length / labels.width;
  const predictions = new Uint8Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    const value = labels.data[row * labels.width];
    predictions[row] = String(value) === positiveClass ? 1 : 0;
  }
  return predictions;
}

export function thresholdPredictions(
  scores: Float64Array,
  threshold: number,
): Uint8Array {
  const predictions = new Uint8Array(scores.length);
  for (let row = 0; row < scores.length; row += 1) {
    predictions[row] = (scores[row] ?? 0) >= threshold ? 1 : 0;
  }
  return predictions;
}

/** Converts the regression output to float64, one value per row. */
export function regressionPredictions(
  output: OutputColumn,
  table: Table,
): Float64Array {
  if (output.width !== 1) {
    throw invalidInput(
      `The model output ${output.name} has ${output.width} values per row; a regression output has one.`,
    );
  }
  const values = output.data;
  if (Array.isArray(values) || values instanceof BigInt64Array) {
    throw invalidInput(
      `The model output ${output.name} is not a float tensor, so it cannot be a regression prediction.`,
    );
  }
  const predictions = Float64Array.from(values);
  const invalidRow = predictions.findIndex(
    (prediction) => !Number.isFinite(prediction),
  );
  if (invalidRow >= 0) {
    throw invalidInput(
      `The model's prediction for ${describeRow(table, invalidRow)} is ${predictions[invalidRow]}, not a finite number; ` +
        "check the missing values in that row.",
    );
  }
  return predictions;
}
