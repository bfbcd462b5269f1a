import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEngine, type Engine } from "../../electron/engine/api";
import {
  createSenderCheck,
  registerInvokeHandler,
} from "../../electron/main/ipc";
import { rendererEntryUrl } from "../../electron/main/renderer-protocol";
import { createClient, type Transport } from "../../renderer/src/api/client";
import { loadInventory } from "../../renderer/src/api/inventory";
import { invokeChannel } from "../../shared/contract";
import {
  germanColumns,
  makeTempFolder,
  referenceFiles,
} from "../helpers/workspace";
import { createFakeIpcMain } from "./fake-ipc-main";

/*
 * German credit amount regression: scikit-learn 1.2 LinearRegression on
 * german.data gives R² 0.49794 over 1000 rows, as published with the
 * reference model. Hashes and sizes from
 *   sha256sum ../shared/models/german-credit-amount-linreg.onnx \
 *     ../shared/data/german-credit/german.data
 *   stat -c %s ../shared/models/german-credit-amount-linreg.onnx
 * german.data has 20 attributes and the class: 21 columns.
 */
const germanReference = {
  r2: 0.49794,
  rows: 1000,
  columns: 21,
  modelSha256:
    "d46543ff878d55e969c8b704c416aa4b50424b71bf5db7988417de21b8bb8f3d",
  modelSizeBytes: 259,
  dataSha256:
    "b21f3d81db8071257d5ff1deaeba1fd4303b62712e6fcc9715c7a86202cb5871",
};

const openEngines: Engine[] = [];

afterEach(() => {
  for (const engine of openEngines.splice(0)) {
    engine.close();
  }
});

/**
 * Returns a transport that goes the way of the desktop app, through the IPC
 * handler to a real engine on a new store, with Electron's ipcMain and
 * preload replaced by a fake that calls the handler directly.
 */
function ipcTransport(frameUrl = rendererEntryUrl): Transport {
  const engine = openEngine({
    storePath: path.join(makeTempFolder(), "store.db"),
  });
  openEngines.push(engine);
  const ipcMain = createFakeIpcMain();
  registerInvokeHandler(ipcMain, engine, createSenderCheck(rendererEntryUrl));

  return {
    invoke: (operation, request) =>
      ipcMain.invoke(invokeChannel, frameUrl, { operation, request }),
  };
}

describe("renderer client over IPC", () => {
  it("loads three empty lists from a new store", async () => {
    const client = createClient(ipcTransport());

    const inventory = await loadInventory(client);

    expect(inventory).toEqual({
      models: { ok: true, value: [] },
      datasets: { ok: true, value: [] },
      evaluations: { ok: true, value: [] },
    });
  });

  it("lists what an evaluation registered", async () => {
    const client = createClient(ipcTransport());

    const evaluation = await client.call("evaluate", {
      modelPath: referenceFiles.germanModel,
      dataPath: referenceFiles.germanData,
      columns: germanColumns,
      labelColumn: "A5",
    });
    const { models, datasets, evaluations } = await loadInventory(client);

    expect(evaluation.ok).toBe(true);
    if (!models.ok || !datasets.ok || !evaluations.ok) {
      throw new Error(`A list failed: ${JSON.stringify({ models, datasets })}`);
    }

    expect(models.value).toHaveLength(1);
    const modelVersion = models.value[0]?.versions[0];
    expect(modelVersion?.version).toBe(1);
    expect(modelVersion?.sha256).toBe(germanReference.modelSha256);
    expect(modelVersion?.sizeBytes).toBe(germanReference.modelSizeBytes);

    expect(datasets.value).toHaveLength(1);
    const datasetVersion = datasets.value[0]?.versions[0];
    expect(datasetVersion?.sha256).toBe(germanReference.dataSha256);
    expect(datasetVersion?.rowCount).toBe(germanReference.rows);
    expect(datasetVersion?.columnCount).toBe(germanReference.columns);
    expect(datasetVersion?.path).toBe(referenceFiles.germanData);

    expect(evaluations.value).toHaveLength(1);
    const summary = evaluations.value[0];
    expect(summary?.task).toBe("regression");
    expect(summary?.rowCount).toBe(germanReference.rows);
    expect(summary?.labelColumn).toBe("A5");
    expect(summary?.headlineMetric.name).toBe("r2");
    const r2 = summary?.headlineMetric.value ?? Number.NaN;
    expect(Math.abs(r2 - germanReference.r2) / germanReference.r2).toBeLessThan(
      1e-3,
    );
  });

  it("returns a failure when the sender is not trusted", async () => {
    const client = createClient(ipcTransport("https://example.com/"));

    const result = await client.call("listModels", {});

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe("internal");
    expect(result.ok ? "" : result.error.message).toMatch(
      /only the Dossier window/,
    );
  });

  it("returns a failure when the transport rejects", async () => {
    const client = createClient({
      invoke: () => Promise.reject(new Error("connection refused")),
    });

    const result = await client.call("listDatasets", {});

    expect(result).toEqual({
      ok: false,
      error: {
        code: "internal",
        message: "Calling listDatasets failed: connection refused",
      },
    });
  });

  it("returns a failure for a reply outside the contract", async () => {
    const client = createClient({
      invoke: () => Promise.resolve({ ok: true, value: [{ name: 1 }] }),
    });

    const result = await client.call("listModels", {});

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe("internal");
    expect(result.ok ? "" : result.error.message).toMatch(
      /^Invalid reply to listModels/,
    );
  });

  it("passes an engine failure through unchanged", async () => {
    const client = createClient(ipcTransport());

    const result = await client.call("evaluate", {
      modelPath: path.join(makeTempFolder(), "missing.onnx"),
      dataPath: referenceFiles.germanData,
      labelColumn: "A5",
    });

    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.error.code).toBe("invalidInput");
  });
});
