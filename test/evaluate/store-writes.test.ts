import path from "node:path";
import { describe, expect, it } from "vitest";
import { DossierError } from "../../electron/engine/errors";
import {
  buildModel,
  linearClassifierModel,
  linearRegressorModel,
} from "../helpers/onnx-builder";
import { countStoreRows } from "../helpers/workspace";
import {
  evaluateCase,
  expectRejected,
  logisticCoefficients,
  logisticIntercept,
  logisticRows,
  openWorkspace,
} from "./fixtures";

const classifier = linearClassifierModel({
  inputs: [
    { name: "x1", type: "float", shape: ["N", 1] },
    { name: "x2", type: "float", shape: ["N", 1] },
  ],
  coefficients: logisticCoefficients,
  intercept: logisticIntercept,
  classLabels: [0, 1],
});

/**
 * A model whose `probabilities` output is its input x reshaped from [N, 1] to
 * [N / 2, 2], so onnxruntime fails on an odd row count and returns half the
 * rows on an even one.
 */
const reshapingModel = buildModel({
  inputs: [{ name: "x", type: "float", shape: ["N", 1] }],
  outputs: [{ name: "probabilities", type: "float", shape: ["N", 2] }],
  nodes: [
    {
      opType: "Reshape",
      inputs: ["x", "pair_shape"],
      outputs: ["probabilities"],
    },
  ],
  initializers: [
    { name: "pair_shape", type: "int64", dims: [2], values: [-1, 2] },
  ],
});

/**
 * A model with `probabilities` [N, 2] = [1 - x, x], so the data sets each
 * row's P(1) directly.
 */
const complementModel = buildModel({
  inputs: [{ name: "x", type: "float", shape: ["N", 1] }],
  outputs: [{ name: "probabilities", type: "float", shape: ["N", 2] }],
  nodes: [
    { opType: "Sub", inputs: ["one", "x"], outputs: ["complement"] },
    {
      opType: "Concat",
      inputs: ["complement", "x"],
      outputs: ["probabilities"],
      attributes: [{ name: "axis", int: 1 }],
    },
  ],
  initializers: [{ name: "one", type: "float", dims: [1], values: [1] }],
});

describe("store writes", () => {
  it("records one version of each artifact", async () => {
    const workspace = openWorkspace();

    await evaluateCase(
      {
        model: classifier,
        rows: logisticRows(),
        request: { labelColumn: "label" },
      },
      workspace,
    );
    workspace.close();

    const counts = countStoreRows(workspace.storePath);
    expect(counts.models).toBe(1);
    expect(counts.model_versions).toBe(1);
    expect(counts.datasets).toBe(1);
    expect(counts.dataset_versions).toBe(1);
    expect(counts.evaluations).toBe(1);
    expect(counts.audit_events).toBeGreaterThan(0);
  });

  it("evaluates the complement model", async () => {
    // P(1) = x is 0.25, 0.5 and 0.75, so at threshold 0.5 row 1 is a true
    // negative, row 2 a false positive and row 3 a true positive.
    const result = await evaluateCase({
      model: complementModel,
      rows: [
        ["x", "label"],
        [0.25, 0],
        [0.5, 0],
        [0.75, 1],
      ],
      request: { labelColumn: "label", task: "classification" },
    });

    expect(
      result.task === "classification" && result.metrics.confusionMatrix,
    ).toEqual([
      [1, 1],
      [0, 1],
    ]);
  });

  it("writes nothing when onnxruntime fails", async () => {
    const message = await expectRejected({
      model: reshapingModel,
      rows: [
        ["x", "label"],
        [0.1, 0],
        [0.9, 1],
        [0.5, 1],
      ],
      request: { labelColumn: "label", task: "classification" },
    });

    expect(message).toMatch(
      /onnxruntime failed on the batch starting at data row 1/,
    );
  });

  it("writes nothing for a probability above 1", async () => {
    const message = await expectRejected({
      model: complementModel,
      rows: [
        ["x", "label"],
        [0.1, 0],
        [2, 1],
        [0.5, 1],
      ],
      request: { labelColumn: "label", task: "classification" },
    });

    // Data row 2 is line 3 of the file, after the header line.
    expect(message).toMatch(/probability for line 3 is 2, outside \[0, 1\]/);
  });

  it("writes nothing for a NaN probability", async () => {
    const rows = logisticRows();
    rows[3] = ["", 0.5, 1];

    const message = await expectRejected({
      model: classifier,
      rows,
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/probability for line 4 is NaN/);
  });

  it("rejects an output with fewer rows than the data", async () => {
    // Four rows reshape to an output of two rows.
    const message = await expectRejected({
      model: reshapingModel,
      rows: [
        ["x", "label"],
        [0.1, 0],
        [0.9, 1],
        [0.5, 1],
        [0.5, 1],
      ],
      request: { labelColumn: "label", task: "classification" },
    });

    expect(message).toMatch(/probabilities/);
  });

  it("writes nothing for a NaN prediction", async () => {
    const model = linearRegressorModel({
      inputs: [{ name: "x", type: "float", shape: ["N", 1] }],
      coefficients: [1],
      intercept: 0,
      outputShape: "column",
    });

    const message = await expectRejected({
      model,
      rows: [
        ["x", "y"],
        [1, 1],
        [2, 2],
        ["", 3],
      ],
      request: { labelColumn: "y" },
    });

    expect(message).toMatch(/NaN/);
  });

  it("names the line of a NaN prediction", async () => {
    const model = linearRegressorModel({
      inputs: [{ name: "x", type: "float", shape: ["N", 1] }],
      coefficients: [1],
      intercept: 0,
      outputShape: "column",
    });

    const message = await expectRejected({
      model,
      rows: [
        ["x", "y"],
        [1, 1],
        [2, 2],
        ["", 3],
      ],
      request: { labelColumn: "y" },
    });

    expect(message).toMatch(/prediction for line 4 is NaN/);
  });

  it("writes nothing when the model file is missing", async () => {
    const workspace = openWorkspace();
    const dataPath = workspace.writeCsv("data.csv", logisticRows());
    const modelPath = path.join(workspace.folder, "absent.onnx");

    const failure = await workspace.engine
      .run("evaluate", { modelPath, dataPath, labelColumn: "label" })
      .catch((error: unknown) => error);
    workspace.close();

    expect(failure).toBeInstanceOf(DossierError);
    expect((failure as DossierError).message).toMatch(
      /absent\.onnx given as --model does not exist/,
    );
    expect(Object.values(countStoreRows(workspace.storePath))).toEqual([
      0, 0, 0, 0, 0, 0,
    ]);
  });

  it("writes nothing for a file that is not ONNX", async () => {
    const message = await expectRejected({
      model: new TextEncoder().encode("x1,x2,label\n"),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    expect(message).toMatch(/model\.onnx/);
  });
});
