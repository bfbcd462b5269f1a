import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EvaluateRequest } from "../../shared/contract";
import { DossierError } from "../../electron/engine/errors";
import { linearClassifierModel } from "../helpers/onnx-builder";
import { countStoreRows } from "../helpers/workspace";
import {
  logisticCoefficients,
  logisticIntercept,
  logisticRows,
  openWorkspace,
  type Workspace,
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

/** Creates a named pipe in the workspace with mkfifo(1). */
function makeFifo(workspace: Workspace, name: string): string {
  const fifoPath = path.join(workspace.folder, name);
  execFileSync("mkfifo", [fifoPath]);
  return fifoPath;
}

/**
 * Evaluates with the given paths, expects `invalidInput` and an empty store,
 * and returns the error message.
 */
async function expectPathRejected(
  workspace: Workspace,
  paths: Pick<EvaluateRequest, "modelPath" | "dataPath">,
): Promise<string> {
  const failure = await workspace.engine
    .run("evaluate", { ...paths, labelColumn: "label" })
    .catch((error: unknown) => error);
  workspace.close();

  expect(failure).toBeInstanceOf(DossierError);
  expect((failure as DossierError).code).toBe("invalidInput");
  expect(Object.values(countStoreRows(workspace.storePath))).toEqual([
    0, 0, 0, 0, 0, 0,
  ]);
  return (failure as DossierError).message;
}

describe("input files", () => {
  it("rejects /dev/zero as the model", async () => {
    const workspace = openWorkspace();
    const dataPath = workspace.writeCsv("data.csv", logisticRows());

    const message = await expectPathRejected(workspace, {
      modelPath: "/dev/zero",
      dataPath,
    });

    expect(message).toMatch(
      /\/dev\/zero given as --model is not a regular file/,
    );
  });

  it("rejects a FIFO as the model", async () => {
    const workspace = openWorkspace();
    const dataPath = workspace.writeCsv("data.csv", logisticRows());
    const modelPath = makeFifo(workspace, "model.onnx");

    const message = await expectPathRejected(workspace, {
      modelPath,
      dataPath,
    });

    expect(message).toMatch(/model\.onnx given as --model is not a regular/);
  });

  it("rejects a FIFO as the data", async () => {
    const workspace = openWorkspace();
    const modelPath = workspace.writeModel("model.onnx", classifier);
    const dataPath = makeFifo(workspace, "data.csv");

    const message = await expectPathRejected(workspace, {
      modelPath,
      dataPath,
    });

    expect(message).toMatch(/data\.csv given as --data is not a regular/);
  });

  it("rejects a folder as the data", async () => {
    const workspace = openWorkspace();
    const modelPath = workspace.writeModel("model.onnx", classifier);
    const dataPath = path.join(workspace.folder, "data");
    fs.mkdirSync(dataPath);

    const message = await expectPathRejected(workspace, {
      modelPath,
      dataPath,
    });

    expect(message).toMatch(/data given as --data is a folder, not a file/);
  });
});
