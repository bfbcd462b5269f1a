import * as ort from "onnxruntime-node";
import { describe, expect, it } from "vitest";
import {
  linearClassifierModel,
  linearRegressorModel,
  sigmoidModel,
} from "../helpers/onnx-builder";

// These tests run the test models directly in onnxruntime-node, so that the
// engine tests rest on models whose outputs are known.

async function run(
  bytes: Uint8Array,
  feeds: Record<string, ort.Tensor>,
): Promise<ort.InferenceSession.ReturnType> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

const matrixInput = { name: "X", type: "float", shape: ["N", 2] } as const;

const twoRows = new ort.Tensor(
  "float32",
  Float32Array.from([1.5, 0, 0, 1]),
  [2, 2],
);

describe("linearClassifierModel", () => {
  it("outputs [1 - p, p] and int labels", async () => {
    const model = linearClassifierModel({
      inputs: [matrixInput],
      coefficients: [1, -2],
      intercept: 0.5,
      classLabels: [0, 1],
    });

    const outputs = await run(model, { X: twoRows });

    // Row 1: z = 1.5 + 0.5 = 2; row 2: z = -2 + 0.5 = -1.5.
    const probabilities = outputs.probabilities?.data as Float32Array;
    expect(outputs.probabilities?.dims).toEqual([2, 2]);
    expect(probabilities[0]).toBeCloseTo(1 - sigmoid(2), 6);
    expect(probabilities[1]).toBeCloseTo(sigmoid(2), 6);
    expect(probabilities[2]).toBeCloseTo(1 - sigmoid(-1.5), 6);
    expect(probabilities[3]).toBeCloseTo(sigmoid(-1.5), 6);
    expect(outputs.label?.type).toBe("int64");
    expect(Array.from(outputs.label?.data as BigInt64Array)).toEqual([1n, 0n]);
  });

  it("outputs string labels and no probabilities", async () => {
    const model = linearClassifierModel({
      inputs: [matrixInput],
      coefficients: [1, -2],
      intercept: 0.5,
      classLabels: ["bad", "good"],
      outputs: "labelOnly",
    });

    const outputs = await run(model, { X: twoRows });

    expect(Object.keys(outputs)).toEqual(["label"]);
    expect(outputs.label?.data).toEqual(["good", "bad"]);
  });

  it("converts column inputs of every type", async () => {
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
      coefficients: [1, 2, 3, 4, 5],
      intercept: -1,
      classLabels: [0, 1],
    });

    const outputs = await run(model, {
      a: new ort.Tensor("float64", Float64Array.from([0, 1]), [2, 1]),
      b: new ort.Tensor("int64", BigInt64Array.from([0n, 1n]), [2, 1]),
      c: new ort.Tensor("string", ["red", "green"], [2, 1]),
      d: new ort.Tensor("float32", Float32Array.from([0, 0.5]), [2]),
      e: new ort.Tensor("int32", Int32Array.from([0, -1]), [2, 1]),
    });

    // Row 1: z = 3·1 - 1 = 2 (red is 1).
    // Row 2: z = 1 + 2 + 3·0 + 4·0.5 - 5 - 1 = -1 (green is unknown, so 0).
    const probabilities = outputs.probabilities?.data as Float32Array;
    expect(probabilities[1]).toBeCloseTo(sigmoid(2), 6);
    expect(probabilities[3]).toBeCloseTo(sigmoid(-1), 6);
  });

  it("gives exactly 0.5 at z = 0", async () => {
    const model = linearClassifierModel({
      inputs: [{ name: "x", type: "float", shape: ["N", 1] }],
      coefficients: [1],
      intercept: 0,
      classLabels: [0, 1],
    });

    const outputs = await run(model, {
      x: new ort.Tensor("float32", Float32Array.from([0]), [1, 1]),
    });

    expect((outputs.probabilities?.data as Float32Array)[1]).toBe(0.5);
  });

  it("builds a ZipMap output that onnxruntime loads", async () => {
    const model = linearClassifierModel({
      inputs: [matrixInput],
      coefficients: [1, -2],
      intercept: 0.5,
      classLabels: [0, 1],
      outputs: "labelAndZipMap",
    });

    const session = await ort.InferenceSession.create(model);
    try {
      expect(session.outputNames).toEqual(["label", "output_probability"]);
      const outputs = await session.run({ X: twoRows }, ["label"]);
      expect(Array.from(outputs.label?.data as BigInt64Array)).toEqual([
        1n,
        0n,
      ]);
      // onnxruntime-node 1.31 returns tensors only, so the maps cannot be read.
      await expect(session.run({ X: twoRows })).rejects.toThrow(
        /Non tensor type/,
      );
    } finally {
      await session.release();
    }
  });
});

describe("sigmoidModel", () => {
  it("outputs an [N, 1] probability and label", async () => {
    const model = sigmoidModel({
      input: matrixInput,
      coefficients: [1, -2],
      intercept: 0.5,
      withLabel: true,
    });

    const outputs = await run(model, { X: twoRows });

    const probability = outputs.probability?.data as Float32Array;
    expect(outputs.probability?.dims).toEqual([2, 1]);
    expect(probability[0]).toBeCloseTo(sigmoid(2), 6);
    expect(probability[1]).toBeCloseTo(sigmoid(-1.5), 6);
    expect(outputs.label?.dims).toEqual([2, 1]);
    expect(Array.from(outputs.label?.data as BigInt64Array)).toEqual([1n, 0n]);
  });
});

describe("sigmoidModel without a label", () => {
  it("outputs only the probability", async () => {
    const model = sigmoidModel({
      input: matrixInput,
      coefficients: [1, -2],
      intercept: 0.5,
      withLabel: false,
    });

    const outputs = await run(model, { X: twoRows });

    expect(Object.keys(outputs)).toEqual(["probability"]);
    expect((outputs.probability?.data as Float32Array)[0]).toBeCloseTo(
      sigmoid(2),
      6,
    );
  });
});

describe("linearRegressorModel", () => {
  it.each([
    ["column", [2, 1]],
    ["vector", [2]],
  ] as const)("outputs a %s", async (outputShape, dims) => {
    const model = linearRegressorModel({
      inputs: [matrixInput],
      coefficients: [2, -1],
      intercept: 1,
      outputShape,
    });

    const outputs = await run(model, { X: twoRows });

    // Row 1: 2·1.5 - 0 + 1 = 4; row 2: 0 - 1 + 1 = 0.
    expect(outputs.variable?.dims).toEqual(dims);
    expect(Array.from(outputs.variable?.data as Float32Array)).toEqual([4, 0]);
  });
});
