import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countStoreRows, makeTempFolder } from "../helpers/workspace";
import { linearClassifierModel } from "../helpers/onnx-builder";
import {
  adultArgs as adultRunArgs,
  runDossier,
  runDossierAsync,
  type Account,
} from "./run-cli";

function adultArgs(storePath: string, reportPath: string): string[] {
  return [...adultRunArgs(storePath), "--report", reportPath];
}

/** Counts the evaluations of a store, which may not exist yet. */
function evaluationCount(storePath: string): number {
  return fs.existsSync(storePath) ? countStoreRows(storePath).evaluations : 0;
}

/**
 * An account that cannot write to a folder of mode 0o555. Root ignores the
 * mode, so a root test runs the command as the account nobody (uid 65534).
 */
const otherAccount: Account | undefined =
  process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

describe("dossier evaluate --report checks", () => {
  it("rejects an existing folder as the report", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.db");
    const reportPath = path.join(folder, "report.pdf");
    fs.mkdirSync(reportPath);

    const run = runDossier(adultArgs(storePath, reportPath));

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `Cannot write the report ${reportPath}: it is an existing folder`,
    );
    expect(run.stdout).toBe("");
    expect(evaluationCount(storePath)).toBe(0);
  });

  it("rejects a name without .pdf", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.db");
    const reportPath = path.join(folder, "report.txt");

    const run = runDossier(adultArgs(storePath, reportPath));

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${reportPath} must end in .pdf`);
    expect(evaluationCount(storePath)).toBe(0);
  });

  it("rejects a folder that is a file", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.db");
    const notFolder = path.join(folder, "notes.txt");
    fs.writeFileSync(notFolder, "text\n");

    const run = runDossier(
      adultArgs(storePath, path.join(notFolder, "report.pdf")),
    );

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${notFolder} is a file, not a folder`);
    expect(evaluationCount(storePath)).toBe(0);
  });

  it("rejects the store file as the report", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.pdf");

    const run = runDossier(adultArgs(storePath, storePath));

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("is also the --store file");
    expect(fs.existsSync(storePath)).toBe(false);
  });

  it("rejects a folder it cannot write to", () => {
    const folder = makeTempFolder();
    // The store's folder must be open to the other account.
    fs.chmodSync(folder, 0o777);
    const storePath = path.join(folder, "store.db");
    const reportFolder = path.join(folder, "reports");
    fs.mkdirSync(reportFolder, { mode: 0o555 });
    const reportPath = path.join(reportFolder, "report.pdf");

    const run = runDossier(
      adultArgs(storePath, reportPath),
      { HOME: folder },
      otherAccount,
    );

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `Cannot write the report ${reportPath}: the folder ${reportFolder} is not writable (EACCES)`,
    );
    expect(evaluationCount(storePath)).toBe(0);
    expect(fs.readdirSync(reportFolder)).toEqual([]);
  });
});

describe("dossier evaluate when the report fails late", () => {
  it("says the evaluation was recorded", async () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.db");
    const reportFolder = path.join(folder, "reports");
    fs.mkdirSync(reportFolder);
    const reportPath = path.join(reportFolder, "report.pdf");
    // The check creates and removes a file in the report folder before the
    // evaluation runs. Once that file is gone, removing the folder makes the
    // report fail after the evaluation is recorded, as a full disk would.
    const watcher = fs.watch(reportFolder, (_event, fileName) => {
      const probe = path.join(reportFolder, String(fileName));
      if (fileName !== null && !fs.existsSync(probe)) {
        watcher.close();
        fs.rmSync(reportFolder, { recursive: true, force: true });
      }
    });

    const run = await runDossierAsync([
      ...adultArgs(storePath, reportPath),
      "--json",
    ]).finally(() => watcher.close());

    expect(fs.existsSync(reportFolder)).toBe(false);
    expect(run.status).toBe(2);
    const output = JSON.parse(run.stdout) as {
      evaluationId: string;
      reportPath?: string;
    };
    expect(output.reportPath).toBeUndefined();
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      `The evaluation ${output.evaluationId} was recorded in the store, ` +
        `but its report could not be written to ${reportPath}: ENOENT`,
    );
    expect(countStoreRows(storePath).evaluations).toBe(1);
  });
});

/**
 * Writes a logistic model that ranks its eight rows backwards and the rows,
 * and returns the evaluate arguments without --json or --report. The model
 * gives P(1) = sigmoid(-(x1 - 2·x2 + 0.5)), which orders the rows opposite to
 * sigmoid(x1 - 2·x2 + 0.5). That score ranks 12.5 of the 16 (positive,
 * negative) pairs correctly, the tie of rows 3 and 4 counting one half, so
 * by hand this model's ROC AUC is (16 - 12.5) / 16 = 0.21875.
 */
function invertedModelArgs(folder: string): string[] {
  const modelPath = path.join(folder, "inverted.onnx");
  const dataPath = path.join(folder, "rows.csv");
  fs.writeFileSync(
    modelPath,
    linearClassifierModel({
      inputs: [
        { name: "x1", type: "float", shape: ["N", 1] },
        { name: "x2", type: "float", shape: ["N", 1] },
      ],
      coefficients: [-1, 2],
      intercept: -0.5,
      classLabels: [0, 1],
    }),
  );
  fs.writeFileSync(
    dataPath,
    "x1,x2,label\n1.5,0,1\n0.5,0,1\n0,0.5,1\n1,1,0\n0,1,0\n2,0.5,0\n-1,-0.5,0\n3,0.5,1\n",
  );
  return [
    "evaluate",
    "--model",
    modelPath,
    "--data",
    dataPath,
    "--label",
    "label",
    "--store",
    path.join(folder, "store.db"),
  ];
}

const invertedWarning =
  "ROC AUC is 0.218750, below the 0.5 of a random guess, so the positive label '1' " +
  "probably does not correspond to the model's class '1'; check --positive and --positive-class.";

describe("dossier evaluate warnings", () => {
  it("prints a warning to standard error", () => {
    const folder = makeTempFolder();

    const run = runDossier(invertedModelArgs(folder));

    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`dossier: warning: ${invertedWarning}\n`);
    expect(run.stdout).toContain("rocAuc     0.218750");
    expect(countStoreRows(path.join(folder, "store.db")).evaluations).toBe(1);
  });

  it("puts warnings in JSON and the report", () => {
    const folder = makeTempFolder();
    const reportPath = path.join(folder, "report.pdf");

    const run = runDossier([
      ...invertedModelArgs(folder),
      "--json",
      "--report",
      reportPath,
    ]);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const output = JSON.parse(run.stdout) as { warnings: string[] };
    expect(output.warnings).toEqual([invertedWarning]);
    const text = execFileSync("pdftotext", [reportPath, "-"], {
      encoding: "utf8",
    }).replace(/\s+/g, " ");
    expect(text).toContain(`Warning ${invertedWarning}`);
  });

  it("prints no warning for a sound model", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.db");

    const run = runDossier([
      ...adultArgs(storePath, path.join(folder, "adult.pdf")),
      "--json",
    ]);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect((JSON.parse(run.stdout) as { warnings: string[] }).warnings).toEqual(
      [],
    );
  });
});
