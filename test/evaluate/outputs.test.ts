import { describe, expect, it } from "vitest";
import {
  linearClassifierModel,
  sigmoidModel,
  type LinearClassifierSpec,
} from "../helpers/onnx-builder";
import {
  evaluateClassifier,
  expectClassificationMetrics,
  expectRejected,
  logisticAtHalf,
  logisticCoefficients,
  logisticFirstClassAtHalf,
  logisticIntercept,
  logisticLabelZeroAtHalf,
  logisticRows,
} from "./fixtures";

/** Builds the logistic model of the fixtures, reading columns x1 and x2 by name. */
function logisticModel(
  options: Partial<LinearClassifierSpec> = {},
): Uint8Array {
  return linearClassifierModel({
    inputs: [
      { name: "x1", type: "float", shape: ["N", 1] },
      { name: "x2", type: "float", shape: ["N", 1] },
    ],
    coefficients: logisticCoefficients,
    intercept: logisticIntercept,
    classLabels: [0, 1],
    ...options,
  });
}

const goodOrBad = (label: number) => (label === 1 ? "good" : "bad");
const yesOrNo = (label: number) => (label === 1 ? "yes" : "no");

describe("probability output [N, 2]", () => {
  it("reads class 1 of classes 0 and 1", async () => {
    const result = await evaluateClassifier({
      model: logisticModel(),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.positiveLabel).toBe("1");
    expect(result.negativeLabel).toBe("0");
    expect(result.positiveClass).toBe("1");
    expect(result.hasProbabilities).toBe(true);
    // Without a requested threshold the default 0.5 applies.
    expect(result.threshold).toBe(0.5);
    expect(result.undefinedMetrics).toEqual({});
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("reads the column of the class equal to the label", async () => {
    const result = await evaluateClassifier({
      model: logisticModel({ classLabels: ["bad", "good"] }),
      rows: logisticRows(undefined, goodOrBad),
      request: { labelColumn: "label", positiveLabel: "good" },
    });

    expect(result.positiveLabel).toBe("good");
    expect(result.negativeLabel).toBe("bad");
    expect(result.positiveClass).toBe("good");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("reads the first column for the first class", async () => {
    // Positive "bad" is label 0, scored by P(bad) = 1 - p.
    const result = await evaluateClassifier({
      model: logisticModel({ classLabels: ["bad", "good"] }),
      rows: logisticRows(undefined, goodOrBad),
      request: { labelColumn: "label", positiveLabel: "bad" },
    });

    expect(result.positiveClass).toBe("bad");
    expectClassificationMetrics(result, logisticLabelZeroAtHalf);
  });

  it("reads class 0 for positive label 0", async () => {
    const result = await evaluateClassifier({
      model: logisticModel(),
      rows: logisticRows(),
      request: { labelColumn: "label", positiveLabel: "0" },
    });

    expect(result.positiveClass).toBe("0");
    expectClassificationMetrics(result, logisticLabelZeroAtHalf);
  });
});

describe("probability output [N, 1]", () => {
  const input = { name: "X", type: "float", shape: ["N", 2] } as const;
  const metadata = { feature_names: '["x1", "x2"]' };

  it("reads P(1) beside a label output", async () => {
    const result = await evaluateClassifier({
      model: sigmoidModel({
        input,
        coefficients: logisticCoefficients,
        intercept: logisticIntercept,
        metadata,
        withLabel: true,
      }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.hasProbabilities).toBe(true);
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("reads P(1) alone for task classification", async () => {
    const result = await evaluateClassifier({
      model: sigmoidModel({
        input,
        coefficients: logisticCoefficients,
        intercept: logisticIntercept,
        metadata,
        withLabel: false,
      }),
      rows: logisticRows(),
      request: { labelColumn: "label", task: "classification" },
    });

    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("takes 1 - P(1) for positive label 0", async () => {
    const result = await evaluateClassifier({
      model: sigmoidModel({
        input,
        coefficients: logisticCoefficients,
        intercept: logisticIntercept,
        metadata,
        withLabel: true,
      }),
      rows: logisticRows(),
      request: { labelColumn: "label", positiveLabel: "0" },
    });

    expect(result.positiveClass).toBe("0");
    expectClassificationMetrics(result, logisticLabelZeroAtHalf);
  });
});

describe("label output only", () => {
  // The labels are z > 0, which at threshold 0.5 gives the same confusion
  // matrix as the probabilities: tp = 3, fn = 1, fp = 2, tn = 2.
  const expectLabelMetrics = (
    metrics: Awaited<ReturnType<typeof evaluateClassifier>>["metrics"],
  ) => {
    expect(metrics.confusionMatrix).toEqual([
      [2, 2],
      [1, 3],
    ]);
    expect(metrics.accuracy).toBeCloseTo(5 / 8, 12);
    expect(metrics.precision).toBeCloseTo(3 / 5, 12);
    expect(metrics.recall).toBeCloseTo(3 / 4, 12);
    expect(metrics.f1).toBeCloseTo(2 / 3, 12);
  };

  it("leaves score metrics null with reasons", async () => {
    const result = await evaluateClassifier({
      model: logisticModel({ outputs: "labelOnly" }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.hasProbabilities).toBe(false);
    expect(result.threshold).toBeNull();
    expect(result.rocCurve).toBeNull();
    expect(result.metrics.rocAuc).toBeNull();
    expect(result.metrics.logLoss).toBeNull();
    expect(result.metrics.brier).toBeNull();
    expect(Object.keys(result.undefinedMetrics).sort()).toEqual([
      "brier",
      "logLoss",
      "rocAuc",
    ]);
    expect(result.undefinedMetrics.rocAuc).toMatch(/labels only/);
    expectLabelMetrics(result.metrics);
  });

  it("rejects an explicit threshold", async () => {
    const message = await expectRejected({
      model: logisticModel({ outputs: "labelOnly" }),
      rows: logisticRows(),
      request: { labelColumn: "label", threshold: 0.7 },
    });

    expect(message).toMatch(/--threshold applies to probabilities/);
    expect(message).toMatch(/outputs labels only; drop --threshold/);
  });

  it("compares string labels with the class", async () => {
    const result = await evaluateClassifier({
      model: logisticModel({
        outputs: "labelOnly",
        classLabels: ["bad", "good"],
      }),
      rows: logisticRows(undefined, goodOrBad),
      request: { labelColumn: "label", positiveLabel: "good" },
    });

    expect(result.positiveClass).toBe("good");
    expectLabelMetrics(result.metrics);
  });
});

describe("ZipMap probability output", () => {
  it("rejects the model with the fix", async () => {
    const message = await expectRejected({
      model: logisticModel({ outputs: "labelAndZipMap" }),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/has no probability tensor/);
    expect(message).toMatch(/output output_probability is a sequence/);
    expect(message).toMatch(/ZipMap/);
    expect(message).toContain('options={id(model): {"zipmap": False}}');
    expect(message).not.toMatch(/labels only/);
  });

  it("rejects string classes too", async () => {
    const message = await expectRejected({
      model: logisticModel({
        outputs: "labelAndZipMap",
        classLabels: ["bad", "good"],
      }),
      rows: logisticRows(undefined, goodOrBad),
      request: { labelColumn: "label", positiveLabel: "good" },
    });

    expect(message).toMatch(/output output_probability is a sequence/);
  });
});

describe("positive class", () => {
  const classesAB = { classLabels: ["a", "b"] };

  it("takes class 1 of classes 0 and 1 for any label", async () => {
    const result = await evaluateClassifier({
      model: logisticModel(),
      rows: logisticRows(undefined, yesOrNo),
      request: { labelColumn: "label", positiveLabel: "yes" },
    });

    expect(result.positiveLabel).toBe("yes");
    expect(result.positiveClass).toBe("1");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("honours the positive_class metadata", async () => {
    const result = await evaluateClassifier({
      model: logisticModel({ ...classesAB, metadata: { positive_class: "a" } }),
      rows: logisticRows(undefined, yesOrNo),
      request: { labelColumn: "label", positiveLabel: "yes" },
    });

    expect(result.positiveClass).toBe("a");
    expectClassificationMetrics(result, logisticFirstClassAtHalf);
  });

  it("asks for --positive-class when no rule applies", async () => {
    const message = await expectRejected({
      model: logisticModel(classesAB),
      rows: logisticRows(undefined, yesOrNo),
      request: { labelColumn: "label", positiveLabel: "yes" },
    });

    expect(message).toMatch(/--positive-class/);
    expect(message).toMatch(/'a', 'b'/);
    expect(message).toMatch(/'yes'/);
  });

  it("takes the requested class", async () => {
    const result = await evaluateClassifier({
      model: logisticModel(classesAB),
      rows: logisticRows(undefined, yesOrNo),
      request: {
        labelColumn: "label",
        positiveLabel: "yes",
        positiveClass: "b",
      },
    });

    expect(result.positiveClass).toBe("b");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("prefers the requested class to the metadata", async () => {
    const result = await evaluateClassifier({
      model: logisticModel({ ...classesAB, metadata: { positive_class: "a" } }),
      rows: logisticRows(undefined, yesOrNo),
      request: {
        labelColumn: "label",
        positiveLabel: "yes",
        positiveClass: "b",
      },
    });

    expect(result.positiveClass).toBe("b");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("rejects a requested class the model lacks", async () => {
    const message = await expectRejected({
      model: logisticModel(classesAB),
      rows: logisticRows(undefined, yesOrNo),
      request: {
        labelColumn: "label",
        positiveLabel: "yes",
        positiveClass: "c",
      },
    });

    expect(message).toMatch(/'c' from --positive-class is not a class/);
    expect(message).toMatch(/'a', 'b'/);
  });

  it("rejects metadata naming another class", async () => {
    // Label 0 equals class 0, but the metadata names class 1, so reading
    // class 1 would score label 0 with P(1) and invert the metrics.
    const message = await expectRejected({
      model: logisticModel({ metadata: { positive_class: "1" } }),
      rows: logisticRows(),
      request: { labelColumn: "label", positiveLabel: "0" },
    });

    expect(message).toMatch(/positive label '0' equals the model's class '0'/);
    expect(message).toMatch(/positive_class metadata names class '1'/);
    expect(message).toMatch(/pass --positive-class/);
  });

  it("accepts metadata agreeing with the label", async () => {
    const result = await evaluateClassifier({
      model: logisticModel({ metadata: { positive_class: "1" } }),
      rows: logisticRows(),
      request: { labelColumn: "label", positiveLabel: "1" },
    });

    expect(result.positiveClass).toBe("1");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("lets --positive-class settle a conflict", async () => {
    const result = await evaluateClassifier({
      model: logisticModel({ metadata: { positive_class: "1" } }),
      rows: logisticRows(),
      request: {
        labelColumn: "label",
        positiveLabel: "0",
        positiveClass: "0",
      },
    });

    expect(result.positiveClass).toBe("0");
    expectClassificationMetrics(result, logisticLabelZeroAtHalf);
  });

  it("rejects positive_class metadata the model lacks", async () => {
    const message = await expectRejected({
      model: logisticModel({ ...classesAB, metadata: { positive_class: "z" } }),
      rows: logisticRows(undefined, yesOrNo),
      request: { labelColumn: "label", positiveLabel: "yes" },
    });

    expect(message).toMatch(/'z' from the model's positive_class metadata/);
  });
});
