import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { EvaluationResult } from "../../shared/contract";
import { DossierError } from "../../electron/engine/errors";
import {
  renderEvaluationReport,
  writeEvaluationReport,
  type ReportLocale,
} from "../../electron/engine/report";
import {
  classificationResult,
  labelsOnlyResult,
  regressionResult,
} from "./fixtures";

const generatedAt = new Date("2025-03-14T09:30:00Z");
const workDirectory = mkdtempSync(path.join(tmpdir(), "dossier-report-"));
let fileCount = 0;

afterAll(() => {
  rmSync(workDirectory, { recursive: true, force: true });
});

async function writeReport(
  result: EvaluationResult,
  locale: ReportLocale = "en",
): Promise<string> {
  fileCount += 1;
  const outputPath = path.join(workDirectory, `report-${fileCount}.pdf`);
  await writeEvaluationReport(result, outputPath, { locale, generatedAt });
  return outputPath;
}

function poppler(tool: string, ...args: string[]): string {
  return execFileSync(`/usr/bin/${tool}`, args, { encoding: "utf8" });
}

function extractText(pdfPath: string): string {
  return poppler("pdftotext", "-layout", "-enc", "UTF-8", pdfPath, "-");
}

function pageCount(pdfPath: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(poppler("pdfinfo", pdfPath));
  return Number(match?.[1]);
}

/** Returns the lines of `text` that contain `word` between spaces or ends. */
function linesWithWord(text: string, word: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.trim().split(/\s+/).includes(word));
}

describe("classification report", () => {
  let pdfPath = "";
  let text = "";
  beforeAll(async () => {
    pdfPath = await writeReport(classificationResult);
    text = extractText(pdfPath);
  });

  test("contains title and identities", () => {
    expect(text).toContain("Model evaluation report");
    expect(text).toContain(
      "Generated 2025-03-14 09:30:00 UTC by Dossier 0.1.0",
    );
    expect(text).toContain(classificationResult.evaluationId);
    expect(text).toMatch(/Name and version\s+churn-gbm@3\n/);
    expect(text).toMatch(/Name and version\s+churn-holdout@2\n/);
    expect(text).toContain("/home/analyst/models/churn-gbm-v3.onnx");
    expect(text).toContain("/home/analyst/data/churn-holdout-2025-03.csv");
    // 2,483,117 bytes / 10^6 = 2.48 MB, shown with one decimal.
    expect(text).toMatch(/Size\s+2,483,117 bytes \(2\.5 MB\)/);
    expect(text).toMatch(/Rows\s+650\n/);
    // 09:26:53.125 - 09:26:51.250 = 1.875 s.
    expect(text).toMatch(/Duration\s+1\.875 s/);
    expect(text).toMatch(/Positive label\s+yes\n/);
    expect(text).toMatch(/Decision threshold\s+0\.5\n/);
    expect(text).toMatch(/Run by\s+analyst\n/);
    expect(text).toMatch(
      /Runtime\s+onnxruntime 1\.31\.1, Node\.js 20\.20\.2, linux-x64\n/,
    );
    expect(text).toMatch(/Feature columns\s+age, income, tenure\n/);
    expect(text).toMatch(
      /Missing values\s+1,203 cells \(tenure 3, region 1,200\)\n/,
    );
  });

  test("keeps each hash whole on one line", () => {
    for (const hash of [
      classificationResult.model.sha256,
      classificationResult.dataset.sha256,
    ]) {
      const lines = linesWithWord(text, hash);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\s*SHA-256\s+[0-9a-f]{64}\s*$/);
    }
  });

  test("formats metrics to six decimals", () => {
    // References from scikit-learn, listed in fixtures.ts.
    const expected = [
      ["Accuracy", "0.730769"],
      ["Precision", "0.542373"],
      ["Recall", "0.800000"],
      ["F1 score", "0.646465"],
      ["ROC AUC", "0.785000"],
      ["Log loss", "0.556824"],
      ["Brier score", "0.181000"],
    ];
    for (const [name, value] of expected) {
      expect(text).toMatch(new RegExp(`^\\s*${name}\\s+${value}\\s*$`, "m"));
    }
  });

  test("draws confusion matrix counts", () => {
    expect(text).toContain("Confusion matrix");
    expect(text).toContain("Predicted label");
    expect(text).toContain("True label");
    expect(text).toMatch(/Negative: no\s+Positive: yes/);
    expect(text).toContain(
      "columns are labels predicted at the decision threshold 0.5.",
    );
    // [[tn, fp], [fn, tp]] = [[315, 135], [40, 160]]: one row per line.
    expect(text).toMatch(/^\s*315\s+135\s*$/m);
    expect(text).toMatch(/^\s*40\s+160\s*$/m);
    expect(text).toMatch(/true negatives\s+false positives/);
    expect(text).toMatch(/false negatives\s+true positives/);
  });

  test("draws ROC curve without images", () => {
    expect(text).toContain("False positive rate");
    expect(text).toContain("True positive rate");
    expect(text).toContain("ROC curve, AUC = 0.785000");
    const imageRows = poppler("pdfimages", "-list", pdfPath)
      .trim()
      .split("\n")
      .slice(2);
    expect(imageRows).toEqual([]);
  });

  test("numbers every page", () => {
    const pages = pageCount(pdfPath);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (let page = 1; page <= pages; page += 1) {
      expect(text).toContain(`Page ${page} of ${pages}`);
    }
    expect(text).not.toContain(`Page ${pages + 1} of`);
  });

  test("embeds DejaVu fonts only", () => {
    const output = poppler("pdffonts", pdfPath);
    const rows = output.trim().split("\n").slice(2);
    const names = rows.map((row) => row.split(/\s+/)[0]);
    expect(
      names.map((name) => name?.replace(/^[A-Z]{6}\+/, "")).sort(),
    ).toEqual(["DejaVuSans", "DejaVuSans-Bold", "DejaVuSansMono"]);
    for (const row of rows) {
      // Columns after the encoding: emb, sub, uni, object number, generation.
      const embedded =
        /\s(yes|no)\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$/.exec(row)?.[1];
      expect(embedded, row).toBe("yes");
    }
    expect(output).not.toMatch(/Helvetica/i);
  });

  test("sets document metadata", () => {
    const info = poppler("pdfinfo", "-isodates", pdfPath);
    expect(info).toMatch(/^Title:\s+Model evaluation report$/m);
    expect(info).toMatch(/^Author:\s+Dossier$/m);
    expect(info).toMatch(
      /^Subject:\s+Evaluation ev_01JQ7ZK3M4N5P6Q7R8S9T0V1W2 of model churn-gbm@3 on dataset churn-holdout@2$/m,
    );
    expect(info).toMatch(/^CreationDate:\s+2025-03-14T09:30:00Z$/m);
  });
});

describe("labels-only report", () => {
  let text = "";
  beforeAll(async () => {
    text = extractText(await writeReport(labelsOnlyResult));
  });

  test("marks undefined metrics with reason", () => {
    for (const name of ["ROC AUC", "Log loss", "Brier score"]) {
      expect(text).toMatch(
        new RegExp(`${name}\\s+not defined\\s+the model outputs labels`),
      );
    }
    expect(text).toMatch(/^\s*Accuracy\s+0\.730769\s*$/m);
  });

  test("shows threshold as not applied", () => {
    expect(text).toMatch(
      /Decision threshold\s+not applied \(the model outputs labels only\)\n/,
    );
    expect(text).not.toMatch(/threshold 0\.5/);
    expect(text).toContain(
      "Rows are true labels and columns are the labels that the model output.",
    );
  });

  test("explains missing ROC curve", () => {
    expect(text).toContain(
      "This evaluation has no ROC curve: the model outputs labels only, without probabilities",
    );
    expect(text).not.toContain("False positive rate");
  });
});

describe("Turkish report", () => {
  let pdfPath = "";
  let text = "";
  beforeAll(async () => {
    pdfPath = await writeReport(classificationResult, "tr");
    text = extractText(pdfPath);
  });

  test("extracts Turkish letters intact", () => {
    // Together these cover ç ğ ı İ ö ş ü.
    for (const phrase of [
      "Model değerlendirme raporu",
      "Başlangıç",
      "Görev",
      "İkili sınıflandırma",
      "Karışıklık matrisi",
      "Süre",
    ]) {
      expect(text).toContain(phrase);
    }
  });

  test("uses Turkish number formats", () => {
    expect(text).toMatch(/^\s*Doğruluk\s+0,730769\s*$/m);
    expect(text).toMatch(/Boyut\s+2\.483\.117 bayt \(2,5 MB\)/);
    expect(text).toContain("ROC eğrisi, AUC = 0,785000");
    const pages = pageCount(pdfPath);
    expect(text).toContain(`Sayfa 1 / ${pages}`);
  });

  test("sets Turkish title", () => {
    const info = poppler("pdfinfo", pdfPath);
    expect(info).toMatch(/^Title:\s+Model değerlendirme raporu$/m);
  });

  test("translates the new fields", async () => {
    expect(text).toMatch(/Çalıştıran\s+analyst\n/);
    expect(text).toMatch(/Öznitelik sütunları\s+age, income, tenure\n/);
    expect(text).toMatch(
      /Eksik değerler\s+1\.203 hücre \(tenure 3, region 1\.200\)\n/,
    );
    expect(text).toMatch(/Negatif: no\s+Pozitif: yes/);
    const labelsOnlyText = extractText(
      await writeReport(labelsOnlyResult, "tr"),
    );
    expect(labelsOnlyText).toMatch(
      /Karar eşiği\s+uygulanmadı \(model yalnızca etiket veriyor\)/,
    );
  });

  test("writes tanımsız for undefined metric", async () => {
    const labelsOnlyText = extractText(
      await writeReport(labelsOnlyResult, "tr"),
    );
    expect(labelsOnlyText).toMatch(/ROC AUC\s+tanımsız\s+model olasılık değil/);
  });

  test("keeps unknown reasons in English", async () => {
    const labelsOnlyText = extractText(
      await writeReport(labelsOnlyResult, "tr"),
    );
    expect(labelsOnlyText).toMatch(
      /Brier\s.*tanımsız\s+the model outputs labels without/,
    );
  });
});

describe("report without a negative label", () => {
  test("says the data has none", async () => {
    const text = extractText(
      await writeReport({ ...classificationResult, negativeLabel: null }),
    );
    // The row header; the column header wraps in its narrower cell.
    expect(text).toMatch(/^\s*Negative \(none in the data\)\s*$/m);
    expect(text).not.toContain("Negative:");
  });
});

describe("regression report", () => {
  let text = "";
  beforeAll(async () => {
    text = extractText(await writeReport(regressionResult));
  });

  test("lists MAE, RMSE and R²", () => {
    // References from scikit-learn, listed in fixtures.ts.
    expect(text).toMatch(/^\s*MAE \(mean absolute error\)\s+0\.460000\s*$/m);
    expect(text).toMatch(
      /^\s*RMSE \(root mean squared error\)\s+0\.563915\s*$/m,
    );
    expect(text).toMatch(
      /^\s*R² \(coefficient of determination\)\s+0\.948026\s*$/m,
    );
    expect(text).toMatch(/Type\s+Regression\n/);
  });

  test("names the account that ran it", () => {
    expect(text).toMatch(/Run by\s+analyst\n/);
  });

  test("omits classification sections", () => {
    expect(text).not.toContain("Confusion matrix");
    expect(text).not.toContain("ROC");
    expect(text).not.toContain("Positive label");
  });
});

describe("report rendering", () => {
  test("is byte-identical for same input", async () => {
    const first = await renderEvaluationReport(classificationResult, {
      generatedAt,
    });
    const second = await renderEvaluationReport(classificationResult, {
      generatedAt,
    });
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(first.equals(second)).toBe(true);
  });

  test("loads no standard font data", async () => {
    await renderEvaluationReport(regressionResult, { generatedAt });
    // pdfkit loads a standard font's metrics through require() on first use.
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.filter((file) => file.includes("standard-fonts"))).toEqual(
      [],
    );
  });

  test("rejects invalid hash", async () => {
    const result = {
      ...classificationResult,
      model: { ...classificationResult.model, sha256: "abc123" },
    };
    const rejection = renderEvaluationReport(result);
    await expect(rejection).rejects.toBeInstanceOf(DossierError);
    await expect(rejection).rejects.toMatchObject({ code: "invalidInput" });
    await expect(rejection).rejects.toThrow(/model\.sha256/);
  });

  test("rejects uneven ROC curve", async () => {
    const result = {
      ...classificationResult,
      rocCurve: { falsePositiveRate: [0, 0.5, 1], truePositiveRate: [0, 1] },
    };
    await expect(renderEvaluationReport(result)).rejects.toThrow(
      /falsePositiveRate has 3 points but truePositiveRate has 2/,
    );
  });

  test("rejects ROC rate above one", async () => {
    const result = {
      ...classificationResult,
      rocCurve: { falsePositiveRate: [0, 1], truePositiveRate: [0, 1.5] },
    };
    await expect(renderEvaluationReport(result)).rejects.toThrow(
      /rocCurve\.truePositiveRate\.1: 1\.5 is outside 0\.\.1/,
    );
  });

  test("rejects unknown locale", async () => {
    const options = { locale: "de" as ReportLocale };
    await expect(
      renderEvaluationReport(classificationResult, options),
    ).rejects.toThrow(/Invalid report locale "de"\. Use one of: en, tr\./);
  });
});

describe("report writing", () => {
  test("replaces file without leftovers", async () => {
    const directory = mkdtempSync(path.join(workDirectory, "write-"));
    const outputPath = path.join(directory, "report.pdf");
    writeFileSync(outputPath, "old contents");
    await writeEvaluationReport(regressionResult, outputPath, { generatedAt });
    await writeEvaluationReport(regressionResult, outputPath, { generatedAt });
    expect(readdirSync(directory)).toEqual(["report.pdf"]);
    expect(extractText(outputPath)).toContain("Model evaluation report");
  });

  test("rejects missing folder", async () => {
    const outputPath = path.join(workDirectory, "missing", "report.pdf");
    const rejection = writeEvaluationReport(regressionResult, outputPath);
    await expect(rejection).rejects.toMatchObject({ code: "invalidInput" });
    await expect(rejection).rejects.toThrow(
      `Failed to write the evaluation report to ${outputPath}`,
    );
  });
});
