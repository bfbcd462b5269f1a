import { describe, expect, it } from "vitest";
import { linearClassifierModel } from "../helpers/onnx-builder";
import {
  evaluateClassifier,
  expectClassificationMetrics,
  expectRejected,
  logisticAtHalf,
  logisticCoefficients,
  logisticIntercept,
  logisticRows,
} from "./fixtures";

const model = linearClassifierModel({
  inputs: [
    { name: "x1", type: "float", shape: ["N", 1] },
    { name: "x2", type: "float", shape: ["N", 1] },
  ],
  coefficients: logisticCoefficients,
  intercept: logisticIntercept,
  classLabels: [0, 1],
});

/** The fixture rows with the label of data row `row` (1-based) replaced. */
function rowsWithLabel(row: number, label: string): (string | number)[][] {
  const rows = logisticRows(["x1", "x2", "label"]);
  const replaced = rows[row];
  if (replaced === undefined) {
    throw new Error(`the fixture has no data row ${row}`);
  }
  replaced[2] = label;
  return rows;
}

describe("labels", () => {
  it("defaults to positive 1 for labels 0 and 1", async () => {
    const result = await evaluateClassifier({
      model,
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(result.positiveLabel).toBe("1");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("reads labels written 0.0 and 1.0 as 0 and 1", async () => {
    const result = await evaluateClassifier({
      model,
      rows: logisticRows(undefined, (label) => label.toFixed(1)),
      request: { labelColumn: "label" },
    });

    expect(result.positiveLabel).toBe("1");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("matches --positive 1.0 to label 1", async () => {
    const result = await evaluateClassifier({
      model,
      rows: logisticRows(),
      request: { labelColumn: "label", positiveLabel: "1.0" },
    });

    expect(result.positiveLabel).toBe("1");
    expectClassificationMetrics(result, logisticAtHalf);
  });

  it("rejects three distinct labels", async () => {
    const message = await expectRejected({
      model,
      rows: rowsWithLabel(4, "2"),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/column label has 3 distinct values/);
    expect(message).toMatch(/'0', '1', '2'/);
    // Numeric labels may be a quantity, so regression is worth suggesting.
    expect(message).toMatch(/--task regression/);
  });

  it("rejects three text labels as multiclass", async () => {
    const rows = logisticRows(undefined, (label) =>
      label === 1 ? "yes" : "no",
    );
    const replaced = rows[4];
    if (replaced === undefined) {
      throw new Error("the fixture has no data row 4");
    }
    replaced[2] = "maybe";

    const message = await expectRejected({
      model,
      rows,
      request: { labelColumn: "label", positiveLabel: "yes" },
    });

    expect(message).toMatch(/column label has 3 distinct values/);
    expect(message).toMatch(/'maybe', 'no', 'yes'/);
    expect(message).toMatch(/does not support multiclass evaluation/);
    expect(message).not.toMatch(/--task regression/);
  });

  it("reports no negative label for one label", async () => {
    // Every row is positive: the model predicts rows 1, 2, 6, 7 and 8
    // positive (P(1) >= 0.5 in the fixture table), so tp = 5 and fn = 3.
    const result = await evaluateClassifier({
      model,
      rows: logisticRows(undefined, () => 1),
      request: { labelColumn: "label" },
    });

    expect(result.positiveLabel).toBe("1");
    expect(result.negativeLabel).toBeNull();
    expect(result.metrics.confusionMatrix).toEqual([
      [0, 0],
      [3, 5],
    ]);
  });

  it("names the row of a missing label", async () => {
    const message = await expectRejected({
      model,
      rows: rowsWithLabel(3, ""),
      request: { labelColumn: "label" },
    });

    // Data row 3 follows the header line, so it is line 4 of the file.
    expect(message).toMatch(/missing in 1 row, first at line 4;/);
  });

  it("lists the labels when --positive is absent", async () => {
    const message = await expectRejected({
      model,
      rows: logisticRows(undefined, (label) => (label === 1 ? "yes" : "no")),
      request: { labelColumn: "label", positiveLabel: "maybe" },
    });

    expect(message).toMatch(/positive label 'maybe' does not occur/);
    expect(message).toMatch(/'no', 'yes'/);
  });

  it("asks for --positive for text labels", async () => {
    const message = await expectRejected({
      model,
      rows: logisticRows(undefined, (label) => (label === 1 ? "yes" : "no")),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/Pass --positive/);
    expect(message).toMatch(/'no', 'yes'/);
  });

  it("rejects a label column the data lacks", async () => {
    const message = await expectRejected({
      model,
      rows: logisticRows(),
      request: { labelColumn: "outcome" },
    });

    expect(message).toMatch(/no column outcome for --label/);
    expect(message).toMatch(/x1, x2, label/);
  });
});
