import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";
import PDFDocument from "pdfkit";
import {
  evaluationResultSchema,
  type EvaluationResult,
} from "../../../shared/contract";
import { invalidInput } from "../errors";
import { fonts, resolveFontPaths } from "./fonts";
import { createLocalizer, type Localizer } from "./format";
import { drawPageFooters, pageSetup, type Doc } from "./layout";
import { composeReport, nameAtVersion } from "./sections";
import { isReportLocale, reportLocales, type ReportLocale } from "./strings";
import { createLogger } from "../log";

const log = createLogger("report");

export type ReportOptions = {
  /** Language of every text in the report, English by default. */
  locale?: ReportLocale;
  /** Date printed in the report and stored as the PDF's creation date, the current time by default. */
  generatedAt?: Date;
};

/**
 * Renders the evaluation report as a PDF. The same result, locale and
 * `generatedAt` give the same bytes, because pdfkit 0.20 derives the file ID
 * from the metadata and the font subset tags from the order of the fonts.
 */
export async function renderEvaluationReport(
  result: EvaluationResult,
  options: ReportOptions = {},
): Promise<Buffer> {
  const evaluation = parseEvaluationResult(result);
  const locale = options.locale ?? "en";
  if (!isReportLocale(locale)) {
    throw invalidInput(
      `Invalid report locale "${String(locale)}". Use one of: ${reportLocales.join(", ")}.`,
    );
  }
  const generatedAt = options.generatedAt ?? new Date();
  if (Number.isNaN(generatedAt.getTime())) {
    throw invalidInput(
      "Invalid report option generatedAt: the date is not valid. Pass a valid Date or omit it.",
    );
  }

  const localizer = createLocalizer(locale);
  const doc = createDocument(evaluation, localizer, generatedAt);
  const bytes = collectOutput(doc);
  composeReport(doc, evaluation, localizer, generatedAt);
  drawPageFooters(
    doc,
    localizer.text("footerEvaluation", { id: evaluation.evaluationId }),
    (page, count) =>
      localizer.text("pageNumber", {
        page: String(page),
        count: String(count),
      }),
  );
  doc.end();
  return bytes;
}

/**
 * Renders the report and writes it to `outputPath` atomically: the PDF goes
 * to a temporary file in the same folder, is flushed to disk and then renamed
 * over `outputPath`, so a reader never sees a partial file.
 */
export async function writeEvaluationReport(
  result: EvaluationResult,
  outputPath: string,
  options: ReportOptions = {},
): Promise<void> {
  const started = performance.now();
  const pdf = await renderEvaluationReport(result, options);
  const target = path.resolve(outputPath);
  const temporaryPath = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    const file = await open(temporaryPath, "wx");
    try {
      await file.writeFile(pdf);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporaryPath, target);
    log.info(
      {
        evaluationId: result.evaluationId,
        sizeBytes: pdf.length,
        durationMs: performance.now() - started,
      },
      "report written",
    );
  } catch (error) {
    await rm(temporaryPath, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidInput(
      `Failed to write the evaluation report to ${target}: ${reason}. ` +
        "Check that the folder exists and is writable.",
      error,
    );
  }
}

function parseEvaluationResult(result: unknown): EvaluationResult {
  const parsed = evaluationResultSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "(root)";
    throw invalidInput(
      `Invalid evaluation result at field ${field}: ${issue?.message ?? parsed.error.message}. ` +
        "Pass the result of an evaluation as it was returned.",
    );
  }
  const evaluation = parsed.data;
  if (evaluation.task === "classification" && evaluation.rocCurve !== null) {
    checkRocCurve(evaluation.rocCurve);
  }
  return evaluation;
}

function checkRocCurve(curve: {
  falsePositiveRate: number[];
  truePositiveRate: number[];
}): void {
  const { falsePositiveRate, truePositiveRate } = curve;
  if (falsePositiveRate.length !== truePositiveRate.length) {
    throw invalidInput(
      `Invalid evaluation result at field rocCurve: falsePositiveRate has ${falsePositiveRate.length} points but truePositiveRate has ${truePositiveRate.length}. ` +
        "Both lists must have one value per point.",
    );
  }
  const rates = [
    ["falsePositiveRate", falsePositiveRate],
    ["truePositiveRate", truePositiveRate],
  ] as const;
  for (const [field, values] of rates) {
    const index = values.findIndex((value) => value < 0 || value > 1);
    if (index >= 0) {
      throw invalidInput(
        `Invalid evaluation result at field rocCurve.${field}.${index}: ${values[index]} is outside 0..1. ` +
          "A ROC curve has rates between 0 and 1.",
      );
    }
  }
}

function createDocument(
  result: EvaluationResult,
  localizer: Localizer,
  generatedAt: Date,
): Doc {
  const fontPaths = resolveFontPaths();
  // Without a `font` option pdfkit 0.20 loads Helvetica's metrics through
  // require() as the document is created, and a bundle may not resolve them.
  const doc = new PDFDocument({
    size: pageSetup.size,
    margins: { ...pageSetup.margins },
    font: fontPaths[fonts.body],
    bufferPages: true,
    lang: localizer.languageTag,
    displayTitle: true,
    info: {
      Title: localizer.text("title"),
      Author: "Dossier",
      Subject: localizer.text("pdfSubject", {
        id: result.evaluationId,
        model: nameAtVersion(result.model),
        dataset: nameAtVersion(result.dataset),
      }),
      Creator: `Dossier ${result.dossierVersion}`,
      CreationDate: generatedAt,
    },
  });
  for (const [name, fontPath] of Object.entries(fontPaths)) {
    doc.registerFont(name, fontPath);
  }
  return doc;
}

function collectOutput(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}
