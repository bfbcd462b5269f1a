import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import { DossierError } from "../../electron/engine/errors";
import { inspectModel } from "../../electron/engine/onnx/inspect";
import {
  buildModel,
  linearClassifierModel,
  linearRegressorModel,
  sigmoidModel,
} from "../helpers/onnx-builder";

const columnClassifier = linearClassifierModel({
  inputs: [
    { name: "age", type: "double", shape: ["batch", 1] },
    { name: "visits", type: "int64", shape: [null, 1] },
    {
      name: "region",
      type: "string",
      shape: [3, 1],
      categories: { north: 1 },
    },
  ],
  coefficients: [0.1, 0.2, 0.3],
  intercept: 0,
  classLabels: [0, 1],
  metadata: { positive_class: "1", owner: "risk team" },
});

describe("inspectModel", () => {
  it("inspects a model that onnxruntime loads", async () => {
    const session = await ort.InferenceSession.create(columnClassifier);
    expect(session.inputNames).toEqual(["age", "visits", "region"]);
    await session.release();
  });

  it("reads the producer, IR version and opsets", () => {
    const inspection = inspectModel(columnClassifier, "model.onnx");

    expect(inspection.producerName).toBe("dossier-tests");
    expect(inspection.producerVersion).toBe("1");
    expect(inspection.irVersion).toBe(8);
    expect(inspection.opsets).toEqual([
      { domain: "", version: 13 },
      { domain: "ai.onnx.ml", version: 3 },
    ]);
  });

  it("reads input names, types and shapes", () => {
    const inspection = inspectModel(columnClassifier, "model.onnx");

    expect(inspection.inputs).toEqual([
      { name: "age", elementType: "double", shape: ["batch", 1] },
      { name: "visits", elementType: "int64", shape: [null, 1] },
      { name: "region", elementType: "string", shape: [3, 1] },
    ]);
  });

  it("reads outputs of a classifier", () => {
    const inspection = inspectModel(columnClassifier, "model.onnx");

    expect(inspection.outputs).toEqual([
      { name: "label", elementType: "int64", shape: ["N"] },
      { name: "probabilities", elementType: "float", shape: ["N", 2] },
    ]);
  });

  it("reads a ZipMap output as a sequence", () => {
    const model = linearClassifierModel({
      inputs: [{ name: "X", type: "float", shape: ["N", 2] }],
      coefficients: [1, 1],
      intercept: 0,
      classLabels: [0, 1],
      outputs: "labelAndZipMap",
    });

    const inspection = inspectModel(model, "model.onnx");

    expect(inspection.outputs).toEqual([
      { name: "label", elementType: "int64", shape: ["N"] },
      { name: "output_probability", elementType: "sequence", shape: [] },
    ]);
  });

  it("reads metadata", () => {
    const inspection = inspectModel(columnClassifier, "model.onnx");

    expect(inspection.metadata).toEqual({
      positive_class: "1",
      owner: "risk team",
    });
  });

  it("reads integer class labels as text", () => {
    const inspection = inspectModel(columnClassifier, "model.onnx");

    expect(inspection.estimatorKind).toBe("classifier");
    expect(inspection.classLabels).toEqual(["0", "1"]);
  });

  it("reads string class labels", () => {
    const model = linearClassifierModel({
      inputs: [{ name: "X", type: "float", shape: ["N", 2] }],
      coefficients: [1, 1],
      intercept: 0,
      classLabels: ["bad", "good"],
    });

    const inspection = inspectModel(model, "model.onnx");

    expect(inspection.estimatorKind).toBe("classifier");
    expect(inspection.classLabels).toEqual(["bad", "good"]);
    expect(inspection.outputs[0]).toEqual({
      name: "label",
      elementType: "string",
      shape: ["N"],
    });
  });

  it("recognises a regressor", () => {
    const model = linearRegressorModel({
      inputs: [{ name: "X", type: "float", shape: [null, 2] }],
      coefficients: [1, 1],
      intercept: 0,
      outputShape: "column",
    });

    const inspection = inspectModel(model, "model.onnx");

    expect(inspection.estimatorKind).toBe("regressor");
    expect(inspection.classLabels).toBeNull();
    expect(inspection.inputs).toEqual([
      { name: "X", elementType: "float", shape: [null, 2] },
    ]);
    expect(inspection.outputs).toEqual([
      { name: "variable", elementType: "float", shape: ["N", 1] },
    ]);
  });

  it("finds no estimator in a graph of standard ops", () => {
    const model = sigmoidModel({
      input: { name: "X", type: "float", shape: ["N", 2] },
      coefficients: [1, 1],
      intercept: 0,
      withLabel: false,
    });

    const inspection = inspectModel(model, "model.onnx");

    expect(inspection.estimatorKind).toBeNull();
    expect(inspection.classLabels).toBeNull();
    expect(inspection.metadata).toEqual({});
  });

  it("leaves initializers out of the inputs", async () => {
    // Exporters before IR version 4 listed every weight as a graph input.
    const model = buildModel({
      inputs: [
        { name: "x", type: "float", shape: ["N", 1] },
        { name: "bias", type: "float", shape: [1] },
      ],
      outputs: [{ name: "y", type: "float", shape: ["N", 1] }],
      nodes: [{ opType: "Add", inputs: ["x", "bias"], outputs: ["y"] }],
      initializers: [{ name: "bias", type: "float", dims: [1], values: [2] }],
    });
    // Severity 3 keeps onnxruntime's warning about such inputs off the log.
    const session = await ort.InferenceSession.create(model, {
      logSeverityLevel: 3,
    });
    const outputs = await session.run({
      x: new ort.Tensor("float32", Float32Array.from([1]), [1, 1]),
    });
    await session.release();
    expect(Array.from(outputs.y?.data as Float32Array)).toEqual([3]);

    const inspection = inspectModel(model, "model.onnx");

    expect(inspection.inputs.map((input) => input.name)).toEqual(["x"]);
  });

  it("rejects bytes that are not a model", () => {
    const run = () =>
      inspectModel(Uint8Array.from([0xff, 0xff, 0xff]), "notes.onnx");

    expect(run).toThrow(DossierError);
    expect(run).toThrow(/notes\.onnx is not a valid ONNX model/);
  });

  it("rejects a model without nodes", () => {
    const model = buildModel({ inputs: [], outputs: [], nodes: [] });

    const run = () => inspectModel(model, "empty.onnx");

    expect(run).toThrow(DossierError);
    expect(run).toThrow(/empty\.onnx has no ONNX graph/);
  });
});
