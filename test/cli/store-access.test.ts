import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { countStoreRows, makeTempFolder } from "../helpers/workspace";
import { germanArgs, runDossier, runDossierAsync } from "./run-cli";

describe("store access from the command line", () => {
  it("records concurrent evaluations in a new store", async () => {
    const storePath = path.join(makeTempFolder(), "shared.db");

    const runs = await Promise.all(
      Array.from({ length: 4 }, () => runDossierAsync(germanArgs(storePath))),
    );

    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    }
    expect(countStoreRows(storePath)).toMatchObject({
      models: 1,
      model_versions: 1,
      dataset_versions: 1,
      evaluations: 4,
    });
  });

  it("exits 4 listing a missing store", () => {
    const storePath = path.join(makeTempFolder(), "typo.db");

    const run = runDossier(["models", "list", "--store", storePath]);

    expect(run.status).toBe(4);
    expect(run.stderr).toContain(storePath);
    expect(fs.existsSync(storePath)).toBe(false);
  });

  it("exits 4 on another program's database", () => {
    const storePath = path.join(makeTempFolder(), "other.db");
    const database = new Database(storePath);
    database.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY)");
    database.close();

    const run = runDossier(germanArgs(storePath));

    expect(run.status).toBe(4);
    expect(run.stderr).toContain("not a Dossier store");
  });

  it("creates no store when evaluation fails", () => {
    const storePath = path.join(makeTempFolder(), "new.db");
    const args = germanArgs(storePath);
    args[args.indexOf("--label") + 1] = "A99";

    const run = runDossier(args);

    expect(run.status).toBe(2);
    expect(fs.existsSync(storePath)).toBe(false);
  });

  it("exits 4 when the store's folder is missing", () => {
    const storePath = path.join(makeTempFolder(), "missing", "store.db");

    const run = runDossier(germanArgs(storePath));

    expect(run.status).toBe(4);
    expect(run.stderr).toContain("does not exist");
  });
});

describe("offline operation", () => {
  it("leaves no onnxruntime telemetry files", () => {
    const home = makeTempFolder();
    const storePath = path.join(makeTempFolder(), "store.db");

    // runDossier passes only PATH and HOME, so ORT_DISABLE_TELEMETRY is not
    // inherited from the test runner: the engine must set it itself.
    const run = runDossier(germanArgs(storePath), { HOME: home });

    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(home, ".cache", "Microsoft"))).toBe(false);
  });
});

describe("default store", () => {
  it("lists nothing before the first evaluation", () => {
    const home = makeTempFolder();

    const run = runDossier(["models", "list"], { HOME: home });

    expect(run.status).toBe(0);
    expect(run.stdout).toContain("No models yet");
    expect(fs.existsSync(path.join(home, ".local"))).toBe(false);
  });

  it("is created with its folders on the first evaluation", () => {
    const home = makeTempFolder();
    const args = germanArgs("unused").slice(0, -2);

    const run = runDossier(args, { HOME: home });

    expect(run.status).toBe(0);
    const storePath = path.join(home, ".local/share/Dossier/dossier.db");
    expect(countStoreRows(storePath).evaluations).toBe(1);
  });
});

describe("read-only stores", () => {
  // Root ignores file modes, so a root test reads as the account nobody.
  const reader =
    process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

  it("lists a store in a folder the reader cannot write", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.db");
    expect(runDossier(germanArgs(storePath)).status).toBe(0);
    fs.chmodSync(storePath, 0o444);
    fs.chmodSync(folder, 0o555);
    const bytesBefore = fs.readFileSync(storePath);

    const run = runDossier(
      ["models", "list", "--store", storePath],
      {},
      reader,
    );
    fs.chmodSync(folder, 0o755);

    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("german-credit-amount-linreg@1");
    expect(fs.readFileSync(storePath).equals(bytesBefore)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual(["store.db"]);
  });
});
