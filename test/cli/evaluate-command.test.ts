import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  countStoreRows,
  makeTempFolder,
  referenceFiles,
} from "../helpers/workspace";
import { linearClassifierModel } from "../helpers/onnx-builder";
import { adultArgs, germanArgs, runDossier } from "./run-cli";

describe("dossier evaluate", () => {
  it("prints JSON and writes a PDF report", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "first.db");
    const reportPath = path.join(folder, "adult.pdf");

    const run = runDossier([
      ...adultArgs(storePath),
      "--json",
      "--report",
      reportPath,
    ]);

    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as Record<string, unknown> & {
      metrics: Record<string, unknown>;
      model: { sha256: string };
      dataset: { sha256: string };
    };
    // Reference values: scikit-learn 1.2 on adult.test (see the
    // reference-evaluations test for the full table).
    expect(output.rows).toBe(16281);
    expect(output.task).toBe("classification");
    expect(output.metrics.accuracy as number).toBeCloseTo(0.85308, 4);
    expect(output.metrics.rocAuc as number).toBeCloseTo(0.905418, 4);
    expect(output.metrics.confusionMatrix).toEqual([
      [11583, 852],
      [1540, 2306],
    ]);
    expect(typeof output.evaluationId).toBe("string");
    expect(output.undefinedMetrics).toEqual({});
    expect(output.reportPath).toBe(reportPath);

    // qpdf exits non-zero when the PDF's structure is damaged.
    execFileSync("qpdf", ["--check", reportPath], { encoding: "utf8" });
    const text = execFileSync("pdftotext", ["-layout", reportPath, "-"], {
      encoding: "utf8",
    });
    expect(text).toContain(output.model.sha256);
    expect(text).toContain(output.dataset.sha256);
    expect(text).toContain("0.853080");
  });

  it("prints metrics as text without --json", () => {
    const storePath = path.join(makeTempFolder(), "store.db");

    const run = runDossier(adultArgs(storePath));

    expect(run.status).toBe(0);
    expect(run.stdout).toContain("accuracy   0.853080");
    expect(run.stdout).toContain("adult-income-logreg@1 on adult@1");
    expect(run.stdout).toContain(
      "label Y, positive '>50K.' (model class 1), threshold 0.5\n",
    );
    expect(run.stdout).toMatch(
      new RegExp(`recorded, run by ${os.userInfo().username}\\.\\n$`),
    );
  });

  it("labels the confusion matrix with the data's labels", () => {
    const storePath = path.join(makeTempFolder(), "store.db");

    const run = runDossier(adultArgs(storePath));

    // The counts are scikit-learn's confusion matrix [[11583, 852],
    // [1540, 2306]], as in the JSON test above. Every column is right-aligned.
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      [
        "  confusion matrix (rows: true label, columns: predicted)",
        "                 predicted <=50K.  predicted >50K.",
        "    true <=50K.            11,583              852",
        "    true >50K.              1,540            2,306",
      ].join("\n"),
    );
  });

  it("prints a labels-only result", () => {
    const folder = makeTempFolder();
    const modelPath = path.join(folder, "labels.onnx");
    const dataPath = path.join(folder, "positives.csv");
    fs.writeFileSync(
      modelPath,
      linearClassifierModel({
        inputs: [
          { name: "x1", type: "float", shape: ["N", 1] },
          { name: "x2", type: "float", shape: ["N", 1] },
        ],
        coefficients: [1, -2],
        intercept: 0.5,
        classLabels: [0, 1],
        outputs: "labelOnly",
      }),
    );
    // Every label is 1. The model predicts 1 where x1 - 2·x2 + 0.5 > 0:
    // z = 2, 1, -0.5, -0.5, -1.5, 1.5, 0.5, 2.5, so tp = 5 and fn = 3.
    fs.writeFileSync(
      dataPath,
      "x1,x2,label\n1.5,0,1\n0.5,0,1\n0,0.5,1\n1,1,1\n0,1,1\n2,0.5,1\n-1,-0.5,1\n3,0.5,1\n",
    );

    const run = runDossier([
      "evaluate",
      "--model",
      modelPath,
      "--data",
      dataPath,
      "--label",
      "label",
      "--store",
      path.join(folder, "store.db"),
    ]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "threshold not applied (the model outputs labels only)\n",
    );
    expect(run.stdout).toContain(
      [
        "                  predicted (other)  predicted 1",
        "    true (other)                  0            0",
        "    true 1                        3            5",
      ].join("\n"),
    );
  });

  it("counts one row in the singular", () => {
    const folder = makeTempFolder();
    const modelPath = path.join(folder, "labels.onnx");
    const dataPath = path.join(folder, "one.csv");
    const storePath = path.join(folder, "store.db");
    fs.writeFileSync(
      modelPath,
      linearClassifierModel({
        inputs: [{ name: "x1", type: "float", shape: ["N", 1] }],
        coefficients: [1],
        intercept: 0,
        classLabels: [0, 1],
        outputs: "labelOnly",
      }),
    );
    fs.writeFileSync(dataPath, "x1,label\n2,1\n");

    const run = runDossier([
      "evaluate",
      "--model",
      modelPath,
      "--data",
      dataPath,
      "--label",
      "label",
      "--store",
      storePath,
    ]);
    const listing = runDossier(["datasets", "list", "--store", storePath]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain("one@1: 1 row, classification\n");
    expect(listing.status).toBe(0);
    expect(listing.stdout).toContain("  1 row  2 columns  ");
  });

  it("registers the names given", () => {
    const storePath = path.join(makeTempFolder(), "store.db");

    const run = runDossier([
      ...adultArgs(storePath),
      "--model-name",
      "income-logreg",
      "--dataset-name",
      "adult.test",
    ]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain("income-logreg@1 on adult.test@1");
  });

  it("evaluates a regression model on a headerless file", () => {
    const storePath = path.join(makeTempFolder(), "store.db");

    const run = runDossier([...germanArgs(storePath), "--json"]);

    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as {
      task: string;
      metrics: { r2: number; mae: number };
    };
    // scikit-learn 1.2: R² 0.49794, MAE 1,339.10 on german.data.
    expect(output.task).toBe("regression");
    expect(Math.abs(output.metrics.r2 - 0.49794) / 0.49794).toBeLessThan(1e-3);
    expect(Math.abs(output.metrics.mae - 1339.1) / 1339.1).toBeLessThan(1e-3);
  });

  it("uses DOSSIER_STORE when --store is absent", () => {
    const storePath = path.join(makeTempFolder(), "from-environment.db");
    const args = adultArgs(storePath).slice(0, -2);

    const run = runDossier(args, { DOSSIER_STORE: storePath });

    expect(run.status).toBe(0);
    expect(countStoreRows(storePath).evaluations).toBe(1);
  });
});

describe("dossier evaluate on bad input", () => {
  it("exits 2 on a short row and writes nothing", () => {
    const folder = makeTempFolder();
    const storePath = path.join(folder, "store.db");
    runDossier(adultArgs(storePath));
    const before = countStoreRows(storePath);
    const storeBytes = fs.readFileSync(storePath);
    const dataPath = path.join(folder, "broken.csv");
    const lines = fs
      .readFileSync(referenceFiles.adultTest, "utf8")
      .split("\n")
      .slice(0, 50);
    lines[20] = "25, Private, 226802, 11th, 7";
    fs.writeFileSync(dataPath, lines.join("\n"));

    const run = runDossier([
      "evaluate",
      "--model",
      referenceFiles.adultModel,
      "--data",
      dataPath,
      "--label",
      "Y",
      "--positive",
      ">50K.",
      "--store",
      storePath,
    ]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(dataPath);
    expect(run.stderr).toContain("line 21");
    expect(run.stdout).toBe("");
    expect(countStoreRows(storePath)).toEqual(before);
    expect(fs.readFileSync(storePath).equals(storeBytes)).toBe(true);
  });

  it.each([
    [["--model", "missing.onnx"], "does not exist"],
    [["--label", "income"], "has no column income"],
    [["--positive", ">50K"], "does not occur in the column Y"],
    [["--threshold", "1.5"], "between 0 and 1"],
    [["--model-name", "income model"], "'income model' is not a valid name"],
    [["--dataset-name", "../adult"], "'../adult' is not a valid name"],
    [["--task", "ranking"], "Allowed choices are classification, regression"],
    [["--report", "/nonexistent-folder/report.pdf"], "does not exist"],
    [["--language", "de"], "Allowed choices are en, tr"],
  ])("exits 2 for %j", (override, message) => {
    const storePath = path.join(makeTempFolder(), "store.db");
    const args = adultArgs(storePath);
    const [option, value] = override as [string, string];
    const position = args.indexOf(option);
    if (position >= 0) {
      args[position + 1] = value;
    } else {
      args.push(option, value);
    }

    const run = runDossier(args);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(
      fs.existsSync(storePath) ? countStoreRows(storePath).evaluations : 0,
    ).toBe(0);
  });

  it.each([
    [["--threshold", "0.5"], "--threshold applies to classification only"],
    [["--positive", "1"], "--positive applies to classification only"],
    [
      ["--positive-class", "1"],
      "--positive-class applies to classification only",
    ],
  ])("exits 2 for %j on a regression", (option, message) => {
    const storePath = path.join(makeTempFolder(), "store.db");

    const run = runDossier([...germanArgs(storePath), ...option]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(
      fs.existsSync(storePath) ? countStoreRows(storePath).evaluations : 0,
    ).toBe(0);
  });

  it("exits 2 when a required option is missing", () => {
    const run = runDossier(["evaluate", "--model", referenceFiles.adultModel]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--data");
  });

  it("exits 4 when the store is not a database", () => {
    const storePath = path.join(makeTempFolder(), "store.db");
    fs.writeFileSync(storePath, "this is not SQLite\n".repeat(64));

    const run = runDossier(adultArgs(storePath));

    expect(run.status).toBe(4);
    expect(run.stderr).toContain(storePath);
  });
});

describe("dossier help", () => {
  it.each([[[]], [["evaluate"]], [["models", "list"]]])(
    "prints help for %j",
    (command) => {
      const run = runDossier([...command, "--help"]);

      expect(run.status).toBe(0);
      expect(run.stdout).toContain("Usage: dossier");
    },
  );

  it("documents defaults that apply conditionally", () => {
    const run = runDossier(["evaluate", "--help"]);
    // Commander wraps the help text, so compare it as one line.
    const help = run.stdout.replace(/\s+/g, " ");

    expect(help).toContain("classification with probabilities only");
    expect(help).toContain("(default: 0.5)");
    expect(help).toContain("keeps its existing name and version");
  });
});

describe("DOSSIER_LOG_LEVEL", () => {
  it("falls back to warn for an unknown level", () => {
    const storePath = path.join(makeTempFolder(), "store.db");

    const run = runDossier(adultArgs(storePath), { DOSSIER_LOG_LEVEL: "loud" });

    expect(run.status).toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    // pino writes level 40 for warn.
    expect(record.level).toBe(40);
    expect(record.requestedLevel).toBe("loud");
    expect(record.msg).toContain('DOSSIER_LOG_LEVEL "loud" is not a log level');
    expect(record.msg).toContain(
      "trace, debug, info, warn, error, fatal, silent",
    );
  });

  it("accepts a level in capitals", () => {
    const storePath = path.join(makeTempFolder(), "store.db");

    const run = runDossier(adultArgs(storePath), { DOSSIER_LOG_LEVEL: "INFO" });

    expect(run.status).toBe(0);
    expect(run.stderr).toContain('"msg":"evaluation finished"');
  });
});
