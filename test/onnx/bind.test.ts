import { describe, expect, it } from "vitest";
import {
  buildModel,
  linearClassifierModel,
  type ColumnInputSpec,
  type Dimension,
  type ElementType,
} from "../helpers/onnx-builder";
import {
  evaluateClassifier,
  expectClassificationMetrics,
  expectRejected,
  logisticAtHalf,
  logisticCoefficients,
  logisticIntercept,
  logisticRows,
  type ClassificationReference,
} from "../evaluate/fixtures";

/*
 * One input x with P(1) = sigmoid(x):
 *
 *   x      -2  -1   1   2   3  -3
 *   label   0   1   1   0   1   0
 *   pred    0   0   1   1   1   0     (x >= 0)
 *
 * tp = 2, fn = 1, fp = 1, tn = 2. ROC AUC: the positives -1, 1, 3 beat 2, 2
 * and 3 of the negatives -2, 2, -3, so 7/9. Log loss and Brier score:
 *   x = np.array([-2, -1, 1, 2, 3, -3.]); y = np.array([0, 1, 1, 0, 1, 0])
 *   p = 1 / (1 + np.exp(-x)); log_loss(y, p); brier_score_loss(y, p)
 */
const singleValues = [-2, -1, 1, 2, 3, -3];
const singleLabels = [0, 1, 1, 0, 1, 0];
const singleReference: ClassificationReference = {
  confusionMatrix: [
    [2, 1],
    [1, 2],
  ],
  accuracy: 4 / 6,
  precision: 2 / 3,
  recall: 2 / 3,
  f1: 2 / 3,
  rocAuc: 7 / 9,
  logLoss: 0.6629256833783126,
  brier: 0.23354789826722214,
};

/** Category names for the string input, each mapped to a value of x. */
const categoryOf: Record<number, string> = {
  [-3]: "n3",
  [-2]: "n2",
  [-1]: "n1",
  1: "p1",
  2: "p2",
  3: "p3",
};

function singleInputModel(input: ColumnInputSpec): Uint8Array {
  return linearClassifierModel({
    inputs: [input],
    coefficients: [1],
    intercept: 0,
    classLabels: [0, 1],
  });
}

function singleRows(cell: (value: number) => string | number) {
  return [
    ["label", "x"],
    ...singleValues.map((value, row) => [singleLabels[row] ?? 0, cell(value)]),
  ];
}

describe("binding one column per input", () => {
  const cases: [ElementType, Dimension[]][] = [
    ["float", ["N", 1]],
    ["float", ["N"]],
    ["double", ["N", 1]],
    ["double", [null]],
    ["int32", ["N", 1]],
    ["int64", ["N", 1]],
    ["int64", ["N"]],
  ];

  it.each(cases)("binds %s input of shape %j", async (type, shape) => {
    const result = await evaluateClassifier({
      model: singleInputModel({ name: "x", type, shape }),
      rows: singleRows((value) => value),
      request: { labelColumn: "label" },
    });

    expectClassificationMetrics(result, singleReference);
  });

  it.each([[["N", 1]], [["N"]]])(
    "binds a string input of shape %j",
    async (shape) => {
      const categories = Object.fromEntries(
        Object.entries(categoryOf).map(([value, name]) => [
          name,
          Number(value),
        ]),
      );
      const result = await evaluateClassifier({
        model: singleInputModel({
          name: "x",
          type: "string",
          shape,
          categories,
        }),
        rows: singleRows((value) => categoryOf[value] ?? ""),
        request: { labelColumn: "label" },
      });

      expectClassificationMetrics(result, singleReference);
    },
  );

  it("binds inputs of mixed types by name", async () => {
    // P(1) = sigmoid(a + 0.5·b + 2·c - d + e - 0.5), c from red 1, blue -1,
    // any other 0. The data's columns come in another order than the inputs.
    //   row  a     b   c      d    e    z     label  pred
    //   1    0.5   1   red    0    0    2.5   1      1   tp
    //   2   -1     0   blue   1    2   -2.5   1      0   fn
    //   3    2    -2   red    0.5  1    3     1      1   tp
    //   4    0     3   green  2   -1   -2     0      0   tn
    //   5    1.5   0   blue  -1    0    0     0      1   fp (0.5 >= 0.5)
    //   6   -0.5   1   red    0   -3   -1.5   0      0   tn
    // ROC AUC: positives 2.5 and 3 beat all three negatives, -2.5 none: 6/9.
    // log_loss and brier_score_loss on p = sigmoid(z), y = [1,1,1,0,0,0].
    const model = linearClassifierModel({
      inputs: [
        { name: "a", type: "double", shape: ["N", 1] },
        { name: "b", type: "int64", shape: ["N", 1] },
        {
          name: "c",
          type: "string",
          shape: ["N", 1],
          categories: { red: 1, blue: -1 },
        },
        { name: "d", type: "float", shape: ["N"] },
        { name: "e", type: "int32", shape: ["N", 1] },
      ],
      coefficients: [1, 0.5, 2, -1, 1],
      intercept: -0.5,
      classLabels: [0, 1],
    });
    const rows = [
      ["label", "e", "d", "c", "b", "a"],
      [1, 0, 0, "red", 1, 0.5],
      [1, 2, 1, "blue", 0, -1],
      [1, 1, 0.5, "red", -2, 2],
      [0, -1, 2, "green", 3, 0],
      [0, 0, -1, "blue", 0, 1.5],
      [0, -3, 0, "red", 1, -0.5],
    ];

    const result = await evaluateClassifier({
      model,
      rows,
      request: { labelColumn: "label" },
    });

    expectClassificationMetrics(result, {
      confusionMatrix: [
        [2, 1],
        [1, 2],
      ],
      accuracy: 4 / 6,
      precision: 2 / 3,
      recall: 2 / 3,
      f1: 2 / 3,
      rocAuc: 6 / 9,
      logLoss: 0.6213092149574186,
      brier: 0.19325503145184544,
    });
  });
});

const matrixInput = { name: "X", type: "float", shape: ["N", 2] } as const;

function matrixModel(metadata?: Record<string, string>): Uint8Array {
  return linearClassifierModel({
    inputs: [matrixInput],
    coefficients: logisticCoefficients,
    intercept: logisticIntercept,
    classLabels: [0, 1],
    ...(metadata === undefined ? {} : { metadata }),
  });
}

describe("binding a 2-D input", () => {
  it("orders features by the feature_names metadata", async () => {
    const result = await evaluateClassifier({
      model: matrixModel({ feature_names: '["x1", "x2"]' }),
      rows: logisticRows(["label", "x2", "x1"]),
      request: { labelColumn: "label" },
    });

    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("follows a wrong feature_names order", async () => {
    // With x1 and x2 swapped, z = x2 - 2·x1 + 0.5 per row is -2.5, -0.5, 1,
    // -0.5, 1.5, -3, 2, -5, so rows 3, 5 and 7 are predicted positive:
    // tp = 1 (row 3), fn = 3, fp = 2 (rows 5, 7), tn = 2.
    const result = await evaluateClassifier({
      model: matrixModel({ feature_names: '["x2", "x1"]' }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.metrics.confusionMatrix).toEqual([
      [2, 2],
      [3, 1],
    ]);
  });

  it("lets features override feature_names", async () => {
    const result = await evaluateClassifier({
      model: matrixModel({ feature_names: '["x2", "x1"]' }),
      rows: logisticRows(),
      request: { labelColumn: "label", features: ["x1", "x2"] },
    });

    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("takes features without metadata", async () => {
    const result = await evaluateClassifier({
      model: matrixModel(),
      rows: logisticRows(["x2", "label", "x1"]),
      request: { labelColumn: "label", features: ["x1", "x2"] },
    });

    expectClassificationMetrics(result, logisticAtHalf);
  });
});

describe("binding errors", () => {
  it("lists exactly the missing input columns", async () => {
    const model = linearClassifierModel({
      inputs: ["x1", "x2", "x3"].map((name) => ({
        name,
        type: "float" as const,
        shape: ["N", 1],
      })),
      coefficients: [1, 1, 1],
      intercept: 0,
      classLabels: [0, 1],
    });

    const message = await expectRejected({
      model,
      rows: [
        ["x1", "label"],
        [1, 0],
        [2, 1],
      ],
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/needs as inputs: x2, x3\./);
    expect(message).toMatch(/The data's columns are: x1, label\./);
  });

  it("lists the missing feature columns", async () => {
    const model = linearClassifierModel({
      inputs: [{ name: "X", type: "float", shape: ["N", 3] }],
      coefficients: [1, 1, 1],
      intercept: 0,
      classLabels: [0, 1],
      metadata: { feature_names: '["x1", "x2", "x3"]' },
    });

    const message = await expectRejected({
      model,
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/lacks feature columns of .*model\.onnx: x3\./);
  });

  it("asks for features when a 2-D input has no names", async () => {
    const message = await expectRejected({
      model: matrixModel(),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/needs as inputs: X\./);
    expect(message).toMatch(/--features/);
  });

  it("rejects feature_names that are not a JSON list", async () => {
    const message = await expectRejected({
      model: matrixModel({ feature_names: "x1,x2" }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/feature_names .* is not a JSON array/);
  });

  it("rejects more names than the declared width", async () => {
    const model = linearClassifierModel({
      inputs: [{ name: "X", type: "float", shape: ["N", 3] }],
      coefficients: [1, 1, 1],
      intercept: 0,
      classLabels: [0, 1],
    });

    const message = await expectRejected({
      model,
      rows: logisticRows(),
      request: { labelColumn: "label", features: ["x1", "x2"] },
    });

    expect(message).toMatch(
      /input X of .*model\.onnx takes 3 features per row, but 2 were named \(x1, x2\)/,
    );
  });

  it("rejects a column input of width 2", async () => {
    const model = linearClassifierModel({
      inputs: [{ name: "x1", type: "float", shape: ["N", 2] }],
      coefficients: [1, 1],
      intercept: 0,
      classLabels: [0, 1],
    });

    const message = await expectRejected({
      model,
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/input x1 has shape \[N, 2\]/);
  });

  it("names a text column fed to a float input", async () => {
    const message = await expectRejected({
      model: singleInputModel({ name: "x", type: "float", shape: ["N", 1] }),
      rows: singleRows((value) => categoryOf[value] ?? ""),
      request: { labelColumn: "label" },
    });

    // The first data row, on line 2, has x = -2, written as n2.
    expect(message).toMatch(
      /The column x has the value "n2" at line 2, but the model input x takes float32 numbers;/,
    );
    expect(message).toMatch(/--missing/);
  });

  it.each([
    ["abc", /has the value "abc" at line 5, but/],
    ["1e400", /has the value "1e400" at line 5, which is not a finite number/],
    ["-Infinity", /"-Infinity" at line 5, which is not a finite number/],
    ['"0,5"', /has the value "0,5" at line 5, which uses a decimal comma/],
    ['"1.234,5"', /"1\.234,5" at line 5, which uses a decimal comma/],
  ])("names the first bad cell %s", async (cell, expected) => {
    // Data row 4 is line 5; the missing cell of row 2 is skipped.
    const rows = singleRows((value) => value);
    rows[2] = [1, "?"];
    rows[4] = [0, cell];
    rows[6] = [0, "later"];

    const message = await expectRejected({
      model: singleInputModel({ name: "x", type: "float", shape: ["N", 1] }),
      rows,
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(expected);
    expect(message).toMatch(/model input x takes float32 numbers/);
    expect(message).not.toMatch(/later/);
  });

  it("reads an all-missing column as missing", async () => {
    // Every x is missing, so the first data row, line 2, is the first that
    // an integer input cannot take.
    const message = await expectRejected({
      model: singleInputModel({ name: "x", type: "int64", shape: ["N", 1] }),
      rows: singleRows(() => ""),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/column x has a missing value at line 2,/);
    expect(message).not.toMatch(/has the value/);
  });

  it("names a bad cell in a 2-D input", async () => {
    const rows = logisticRows(["x1", "x2", "label"]);
    rows[7] = [-1, "n/a", 0];

    const message = await expectRejected({
      model: matrixModel({ feature_names: '["x1", "x2"]' }),
      rows,
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(
      /The column x2 has the value "n\/a" at line 8, but the model input X takes float32 numbers/,
    );
  });

  it("rejects the label among feature_names", async () => {
    const message = await expectRejected({
      model: matrixModel({ feature_names: '["x1", "label"]' }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(
      /label column label is one of the features named by the model's feature_names metadata/,
    );
  });

  it("names the row of a fraction in an int64 input", async () => {
    const rows = singleRows((value) => value);
    rows[3] = [1, 2.5];

    const message = await expectRejected({
      model: singleInputModel({ name: "x", type: "int64", shape: ["N", 1] }),
      rows,
      request: { labelColumn: "label" },
    });

    // Data row 3 is line 4, after the header line.
    expect(message).toMatch(/column x has the value 2\.5 at line 4,/);
    expect(message).toMatch(/takes integers only/);
  });

  it("names the row of a missing int64 value", async () => {
    const rows = singleRows((value) => value);
    rows[5] = [1, ""];

    const message = await expectRejected({
      model: singleInputModel({ name: "x", type: "int64", shape: ["N", 1] }),
      rows,
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/column x has a missing value at line 6,/);
  });

  it("explains features on a model of column inputs", async () => {
    const model = linearClassifierModel({
      inputs: [
        { name: "x1", type: "float", shape: ["N", 1] },
        { name: "x2", type: "float", shape: ["N", 1] },
      ],
      coefficients: logisticCoefficients,
      intercept: logisticIntercept,
      classLabels: [0, 1],
    });

    const message = await expectRejected({
      model,
      rows: logisticRows(),
      request: { labelColumn: "label", features: ["x1", "x2"] },
    });

    expect(message).not.toMatch(/needs as inputs: \./);
    expect(message).toMatch(/--features/);
  });

  it("rejects an input of an unsupported type", async () => {
    const model = buildModel({
      inputs: [{ name: "x", type: "bool", shape: ["N", 1] }],
      outputs: [{ name: "label", type: "int64", shape: ["N", 1] }],
      nodes: [
        {
          opType: "Cast",
          inputs: ["x"],
          outputs: ["label"],
          attributes: [{ name: "to", int: 7 }],
        },
      ],
    });

    const message = await expectRejected({
      model,
      rows: singleRows((value) => value),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/input x has element type bool/);
  });
});
