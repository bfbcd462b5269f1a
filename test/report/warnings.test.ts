import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { ClassificationResult } from "../../shared/contract";
import {
  describeRocAucBelowChance,
  rocAucBelowChanceTemplate,
} from "../../electron/engine/evaluate/warnings";
import {
  writeEvaluationReport,
  type ReportLocale,
} from "../../electron/engine/report";
import { translate } from "../../electron/engine/report/strings";
import { classificationResult } from "./fixtures";

const workDirectory = mkdtempSync(path.join(tmpdir(), "dossier-warnings-"));
let fileCount = 0;

afterAll(() => {
  rmSync(workDirectory, { recursive: true, force: true });
});

/*
 * The fixture's scores ranked backwards: a ROC AUC of 0.785 becomes
 * 1 - 0.785 = 0.215, because reversing the order swaps the concordant and
 * discordant pairs and leaves the ties.
 */
const warnedResult: ClassificationResult = {
  ...classificationResult,
  warnings: [
    describeRocAucBelowChance({ auc: "0.215000", label: "yes", class: "1" }),
  ],
};

/** Writes the report and returns its text with every run of space as one. */
async function reportText(
  result: ClassificationResult,
  locale: ReportLocale,
): Promise<string> {
  fileCount += 1;
  const pdfPath = path.join(workDirectory, `report-${fileCount}.pdf`);
  await writeEvaluationReport(result, pdfPath, {
    locale,
    generatedAt: new Date("2025-03-14T09:30:00Z"),
  });
  const text = execFileSync("/usr/bin/pdftotext", [pdfPath, "-"], {
    encoding: "utf8",
  });
  return text.replace(/\s+/g, " ");
}

describe("report warnings", () => {
  test("English text matches the evaluation's", () => {
    const params = { auc: "0.1", label: "no", class: "0" };

    expect(translate("en", "warningRocAucBelowChance", params)).toBe(
      describeRocAucBelowChance(params),
    );
    expect(rocAucBelowChanceTemplate).toContain("{auc}");
  });

  test("shows the warning in English", async () => {
    const text = await reportText(warnedResult, "en");

    expect(text).toContain("Warning");
    expect(text).toContain(
      "ROC AUC is 0.215000, below the 0.5 of a random guess, so the positive label 'yes' " +
        "probably does not correspond to the model's class '1'; check --positive and --positive-class.",
    );
  });

  test("translates the warning to Turkish", async () => {
    const text = await reportText(warnedResult, "tr");

    expect(text).toContain("Uyarı");
    expect(text).toContain(
      "ROC AUC 0,215000, rastgele tahminin 0,5 değerinin altında; bu yüzden 'yes' pozitif etiketi",
    );
    expect(text).toContain("modelin '1' sınıfına karşılık gelmiyor.");
  });

  test("prints an unknown warning as it is", async () => {
    const text = await reportText(
      { ...classificationResult, warnings: ["Something looks off."] },
      "tr",
    );

    expect(text).toContain("Uyarı Something looks off.");
  });

  test("shows no warning field without warnings", async () => {
    const text = await reportText(classificationResult, "en");

    expect(text).not.toContain("Warning");
  });
});
