import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEngine, type Engine } from "../../electron/engine/api";
import {
  createSenderCheck,
  registerInvokeHandler,
} from "../../electron/main/ipc";
import { rendererEntryUrl } from "../../electron/main/renderer-protocol";
import { invokeChannel } from "../../shared/contract";
import { makeTempFolder } from "../helpers/workspace";
import { createFakeIpcMain } from "./fake-ipc-main";

const trustedFrame = rendererEntryUrl;

const openEngines: Engine[] = [];

afterEach(() => {
  for (const engine of openEngines.splice(0)) {
    engine.close();
  }
});

/** Registers the handler over a real engine on an empty temporary store. */
function setUp() {
  const engine = openEngine({
    storePath: path.join(makeTempFolder(), "store.db"),
  });
  openEngines.push(engine);

  // Records what reaches the engine, to show that rejected calls do not.
  const received: unknown[] = [];
  const observedEngine = {
    invoke(message: unknown) {
      received.push(message);
      return engine.invoke(message);
    },
  };

  const ipcMain = createFakeIpcMain();
  registerInvokeHandler(
    ipcMain,
    observedEngine,
    createSenderCheck(rendererEntryUrl),
  );
  return { ipcMain, received };
}

describe("registerInvokeHandler", () => {
  it("registers only the invoke channel", () => {
    const { ipcMain } = setUp();

    expect(ipcMain.channels()).toEqual([invokeChannel]);
  });

  it.each(["listModels", "listDatasets", "listEvaluations"] as const)(
    "returns an empty %s on a new store",
    async (operation) => {
      const { ipcMain } = setUp();

      const reply = await ipcMain.invoke(invokeChannel, trustedFrame, {
        operation,
        request: {},
      });

      expect(reply).toEqual({ ok: true, value: [] });
    },
  );

  it("rejects an unknown operation as invalid input", async () => {
    const { ipcMain } = setUp();

    const reply = await ipcMain.invoke(invokeChannel, trustedFrame, {
      operation: "dropStore",
      request: {},
    });

    expect(reply).toMatchObject({ ok: false, error: { code: "invalidInput" } });
  });

  it("rejects an invalid request as invalid input", async () => {
    const { ipcMain } = setUp();

    const reply = await ipcMain.invoke(invokeChannel, trustedFrame, {
      operation: "listModels",
      request: { limit: 10 },
    });

    expect(reply).toMatchObject({ ok: false, error: { code: "invalidInput" } });
  });

  it("names the invalid field on one line", async () => {
    const { ipcMain } = setUp();

    const reply = (await ipcMain.invoke(invokeChannel, trustedFrame, {
      operation: "evaluate",
      request: { modelPath: "model.onnx", dataPath: "data.csv", threshold: 2 },
    })) as { ok: false; error: { message: string } };

    expect(reply.ok).toBe(false);
    expect(reply.error.message).not.toContain("\n");
    expect(reply.error.message).toContain("labelColumn:");
    expect(reply.error.message).toContain("threshold:");
  });

  it.each([null, undefined, "listModels", 42])(
    "rejects the message %j as invalid input",
    async (message) => {
      const { ipcMain } = setUp();

      const reply = await ipcMain.invoke(invokeChannel, trustedFrame, message);

      expect(reply).toMatchObject({
        ok: false,
        error: { code: "invalidInput" },
      });
    },
  );

  it.each([
    "https://example.com/index.html",
    "file:///tmp/index.html",
    "app://other/index.html",
    "http://localhost:5173/",
  ])("rejects a call from %s", async (frameUrl) => {
    const { ipcMain, received } = setUp();

    const reply = ipcMain.invoke(invokeChannel, frameUrl, {
      operation: "listModels",
      request: {},
    });

    await expect(reply).rejects.toThrow(/only the Dossier window/);
    expect(received).toEqual([]);
  });

  it("rejects a call from a destroyed frame", async () => {
    const { ipcMain, received } = setUp();

    const reply = ipcMain.invoke(invokeChannel, null, {
      operation: "listModels",
      request: {},
    });

    await expect(reply).rejects.toThrow(/a destroyed frame/);
    expect(received).toEqual([]);
  });
});

describe("createSenderCheck", () => {
  it("trusts every page of the app protocol", () => {
    const isTrusted = createSenderCheck(rendererEntryUrl);

    expect(isTrusted("app://dossier/index.html")).toBe(true);
    expect(isTrusted("app://dossier/index.html#evaluations")).toBe(true);
    expect(isTrusted("app://dossier/")).toBe(true);
  });

  it("rejects other hosts, schemes and malformed URLs", () => {
    const isTrusted = createSenderCheck(rendererEntryUrl);

    expect(isTrusted("app://dossier.example/index.html")).toBe(false);
    expect(isTrusted("https://dossier/index.html")).toBe(false);
    expect(isTrusted("about:blank")).toBe(false);
    expect(isTrusted("not a url")).toBe(false);
    expect(isTrusted("")).toBe(false);
  });

  it("compares the port of a development server", () => {
    const isTrusted = createSenderCheck("http://localhost:5173/");

    expect(isTrusted("http://localhost:5173/index.html")).toBe(true);
    expect(isTrusted("http://localhost:5174/index.html")).toBe(false);
    expect(isTrusted("https://localhost:5173/index.html")).toBe(false);
    expect(isTrusted("http://127.0.0.1:5173/index.html")).toBe(false);
  });
});
