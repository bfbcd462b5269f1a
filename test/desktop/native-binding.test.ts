import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  electronNativeBindingPath,
  unpackedAppRoot,
} from "../../electron/main/native-binding";
import { repositoryRoot } from "../helpers/workspace";

describe("electronNativeBindingPath", () => {
  it("names the Electron version, platform and arch", () => {
    const file = electronNativeBindingPath(path.resolve("/app"), {
      electronVersion: "45.6.1",
      platform: "linux",
      arch: "x64",
    });

    expect(file).toBe(
      path.resolve(
        "/app/out/native/electron-45.6.1-linux-x64/better_sqlite3.node",
      ),
    );
  });

  it("matches where the build script writes the addon", () => {
    const { version } = createRequire(import.meta.url)(
      "electron/package.json",
    ) as { version: string };

    // The script only reports the path with --dry-run, or that the file
    // exists; it builds nothing either way.
    const run = spawnSync(
      process.execPath,
      [path.join("scripts", "build-native-for-electron.mjs"), "--dry-run"],
      { cwd: repositoryRoot, encoding: "utf8" },
    );
    const reported = /(\S+better_sqlite3\.node)\s*$/.exec(run.stdout)?.[1];

    expect(run.status).toBe(0);
    expect(reported).toBe(
      electronNativeBindingPath(repositoryRoot, {
        electronVersion: version,
        platform: process.platform,
        arch: process.arch,
      }),
    );
  });
});

describe("unpackedAppRoot", () => {
  it("maps app.asar to app.asar.unpacked", () => {
    expect(unpackedAppRoot("/opt/Dossier/resources/app.asar")).toBe(
      "/opt/Dossier/resources/app.asar.unpacked",
    );
  });

  it("keeps a folder that is not an archive", () => {
    expect(unpackedAppRoot("/home/user/dossier")).toBe("/home/user/dossier");
  });
});
