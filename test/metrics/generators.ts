/**
 * Deterministic row generators shared by the metric tests. Each test file
 * repeats them in Python, in the comment beside its scikit-learn reference
 * values, and the two produce bit-identical rows: the LCG uses only integer
 * arithmetic below 2^53, and every float is one IEEE division or addition.
 */

/**
 * Returns a linear congruential generator with the Numerical Recipes
 * constants that yields the 16 high bits of each 32-bit state, because the
 * low bits of this LCG repeat with short periods.
 */
export function createLcg(seed: number): () => number {
  let state = seed;
  return () => {
    // 1664525 * (2^32 - 1) + 1013904223 < 2^53, so the product is exact.
    state = (1664525 * state + 1013904223) % 2 ** 32;
    return Math.floor(state / 2 ** 16);
  };
}

export type ClassificationRows = {
  yTrue: Uint8Array;
  scores: Float64Array;
};

/**
 * About 40% positive rows with scores rounded to two decimals and clamped to
 * [0, 1], so many scores tie and some are exactly 0 or 1.
 */
export function generateClassificationRows(
  seed: number,
  rows: number,
): ClassificationRows {
  const draw = createLcg(seed);
  const yTrue = new Uint8Array(rows);
  const scores = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const label = draw() % 10 < 4 ? 1 : 0;
    const r = draw() % 141;
    const k = Math.min(100, Math.max(0, label === 1 ? r - 30 : r - 60));
    yTrue[row] = label;
    scores[row] = k / 100;
  }
  return { yTrue, scores };
}

/** Half positive rows with scores on a grid of 1/13000, so ties are rarer. */
export function generateLargeClassificationRows(
  seed: number,
  rows: number,
): ClassificationRows {
  const draw = createLcg(seed);
  const yTrue = new Uint8Array(rows);
  const scores = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const label = draw() % 2;
    yTrue[row] = label;
    scores[row] = ((draw() % 10000) + 3000 * label) / 13000;
  }
  return { yTrue, scores };
}

/** Predicted labels at a threshold, as the evaluation derives them. */
export function labelsAtThreshold(
  scores: Float32Array | Float64Array,
  threshold: number,
): Uint8Array {
  return Uint8Array.from(scores, (score) => (score >= threshold ? 1 : 0));
}

export type RegressionRows = {
  yTrue: Float64Array;
  yPred: Float64Array;
};

/** True values on a grid of 0.01 plus `offset`, predictions off by up to 4. */
export function generateRegressionRows(
  seed: number,
  rows: number,
  offset: number,
): RegressionRows {
  const draw = createLcg(seed);
  const yTrue = new Float64Array(rows);
  const yPred = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const truth = offset + ((draw() % 20001) - 10000) / 100;
    yTrue[row] = truth;
    yPred[row] = truth + ((draw() % 2001) - 1000) / 250;
  }
  return { yTrue, yPred };
}
