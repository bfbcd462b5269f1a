import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  countStoreRows,
  makeTempFolder,
  referenceFiles,
} from "../helpers/workspace";
import { runDossier, runDossierAsync, type Account } from "./run-cli";

function adultArgs(storePath: string, reportPath: string): string[] {
  return [
    "evaluate",
    "--model",
    referenceFiles.adultModel,
    "--data",
    referenceFiles.adultTest,
    "--label",
    "Y",
    "--positive",
    ">50K.",
    "--store",
    storePath,
    "--report",
    reportPath,
  ];
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
