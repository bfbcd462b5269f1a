import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../electron/main/content-security-policy";
import { repositoryRoot } from "../helpers/workspace";

/*
 * Builds the app once with electron-vite into a temporary folder and checks
 * what Electron will load. The build took about 1.5 s on a 2-core machine and
 * needs no Electron binary.
 */
let outDir = "";

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-build-"));
  const build = spawnSync(
    process.execPath,
    [
      path.join("node_modules", "electron-vite", "bin", "electron-vite.js"),
      "build",
      "--outDir",
      outDir,
      "--logLevel",
      "error",
    ],
    { cwd: repositoryRoot, encoding: "utf8" },
  );
  if (build.status !== 0) {
    throw new Error(`electron-vite build failed:\n${build.stderr}`);
  }
});

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

function readOutput(relativePath: string): string {
  return fs.readFileSync(path.join(outDir, relativePath), "utf8");
}

describe("preload bundle", () => {
  it("is CommonJS that requires only electron", () => {
    const preload = readOutput("preload/index.cjs");

    const required = [...preload.matchAll(/require\(\s*"([^"]+)"\s*\)/g)].map(
      (match) => match[1],
    );
    expect(required).toEqual(["electron"]);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("exposes one invoke function on the invoke channel", async () => {
    const preload = readOutput("preload/index.cjs");
    const exposed = new Map<string, unknown>();
    const sent: unknown[][] = [];
    // Electron's contextBridge and ipcRenderer, as much as the preload uses.
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          sent.push(args);
          return Promise.resolve({ ok: true, value: [] });
        },
      },
    };
    const sandboxRequire = (name: string) => {
      if (name !== "electron") {
        throw new Error(`A sandboxed preload cannot require ${name}.`);
      }
      return electron;
    };

    vm.runInNewContext(preload, { require: sandboxRequire });
    const bridge = exposed.get("dossier") as {
      invoke: (operation: string, request: unknown) => Promise<unknown>;
    };
    const reply = await bridge.invoke("listModels", {});

    expect([...exposed.keys()]).toEqual(["dossier"]);
    expect(Object.keys(bridge)).toEqual(["invoke"]);
    expect(sent).toEqual([
      ["dossier:invoke", { operation: "listModels", request: {} }],
    ]);
    expect(reply).toEqual({ ok: true, value: [] });
  });
});

describe("main bundle", () => {
  it("is the ES module that package.json names", () => {
    const main = readOutput("main/index.js");

    expect(main).toMatch(/^import .* from "electron";$/m);
  });

  it("leaves native packages to node_modules", () => {
    const main = readOutput("main/index.js");

    expect(main).toMatch(/^import Database from "better-sqlite3";$/m);
    expect(main).toMatch(/from "onnxruntime-node";$/m);
  });
});

describe("renderer build", () => {
  it("carries the Content-Security-Policy in index.html", () => {
    const html = readOutput("renderer/index.html");
    const escapedPolicy = contentSecurityPolicy.replaceAll("'", "&#39;");

    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${escapedPolicy}">`,
    );
  });

  it("loads its scripts by relative path, with no inline script", () => {
    const html = readOutput("renderer/index.html");

    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
