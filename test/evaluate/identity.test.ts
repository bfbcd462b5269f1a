import os from "node:os";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { linearClassifierModel } from "../helpers/onnx-builder";
import {
  evaluateCase,
  expectRejected,
  logisticCoefficients,
  logisticIntercept,
  logisticRows,
  openWorkspace,
} from "./fixtures";

function classifier(outputs?: "labelOnly"): Uint8Array {
  return linearClassifierModel({
    inputs: [
      { name: "x1", type: "float", shape: ["N", 1] },
      { name: "x2", type: "float", shape: ["N", 1] },
    ],
    coefficients: logisticCoefficients,
    intercept: logisticIntercept,
    classLabels: [0, 1],
    ...(outputs === undefined ? {} : { outputs }),
  });
}

/** Runs one SQL query on the store file, read-only. */
function queryStore(storePath: string, sql: string): unknown[] {
  const database = new Database(storePath, { readonly: true });
  try {
    return database.prepare(sql).all();
  } finally {
    database.close();
  }
}

describe("artifact names", () => {
  it("registers the requested names", async () => {
    const workspace = openWorkspace();

    const result = await evaluateCase(
      {
        model: classifier(),
        rows: logisticRows(),
        request: {
          labelColumn: "label",
          modelName: "churn-model_v2.1",
          datasetName: "holdout-2025",
        },
      },
      workspace,
    );
    workspace.close();

    expect(result.model.name).toBe("churn-model_v2.1");
    expect(result.model.version).toBe(1);
    expect(result.dataset.name).toBe("holdout-2025");
    expect(queryStore(workspace.storePath, "SELECT name FROM models")).toEqual([
      { name: "churn-model_v2.1" },
    ]);
    expect(
      queryStore(workspace.storePath, "SELECT name FROM datasets"),
    ).toEqual([{ name: "holdout-2025" }]);
  });

  it("defaults to the file names", async () => {
    const result = await evaluateCase({
      model: classifier(),
      rows: logisticRows(),
      request: { labelColumn: "label" },
    });

    // The fixture writes model.onnx and data.csv.
    expect(result.model.name).toBe("model");
    expect(result.dataset.name).toBe("data");
  });

  it("keeps the name of a known file", async () => {
    const workspace = openWorkspace();
    const testCase = {
      model: classifier(),
      rows: logisticRows(),
      request: { labelColumn: "label", modelName: "first" },
    };

    await evaluateCase(testCase, workspace);
    const second = await evaluateCase(
      { ...testCase, request: { ...testCase.request, modelName: "second" } },
      workspace,
    );

    expect(second.model.name).toBe("first");
    expect(second.model.version).toBe(1);
  });

  it.each([
    ["modelName", "churn model"],
    ["modelName", "-leading-hyphen"],
    ["datasetName", "data/2025"],
    ["datasetName", ""],
    ["datasetName", "a".repeat(129)],
  ])("rejects %s %j", async (field, name) => {
    const message = await expectRejected({
      model: classifier(),
      rows: logisticRows(),
      request: { labelColumn: "label", [field]: name },
    });

    expect(message).toContain(
      `${field}: must be 1 to 128 letters, digits, dots, underscores or hyphens`,
    );
  });

  it("accepts a name of 128 characters", async () => {
    const result = await evaluateCase({
      model: classifier(),
      rows: logisticRows(),
      request: { labelColumn: "label", modelName: "a".repeat(128) },
    });

    expect(result.model.name).toHaveLength(128);
  });
});

describe("recorded evaluation", () => {
  it("names the account that ran it", async () => {
    const workspace = openWorkspace();

    const result = await evaluateCase(
      {
        model: classifier(),
        rows: logisticRows(),
        request: { labelColumn: "label" },
      },
      workspace,
    );
    workspace.close();

    expect(result.actor).toBe(os.userInfo().username);
    expect(
      queryStore(workspace.storePath, "SELECT created_by FROM evaluations"),
    ).toEqual([{ created_by: result.actor }]);
  });

  it("stores no threshold for labels only", async () => {
    const workspace = openWorkspace();

    await evaluateCase(
      {
        model: classifier("labelOnly"),
        rows: logisticRows(),
        request: { labelColumn: "label" },
      },
      workspace,
    );
    workspace.close();

    expect(
      queryStore(workspace.storePath, "SELECT threshold FROM evaluations"),
    ).toEqual([{ threshold: null }]);
  });
});
