import { access, constants } from "node:fs/promises";
import path from "node:path";
import type {
  Delimiter,
  EvaluateRequest,
  EvaluationResult,
} from "../../shared/contract";
import { DossierError, invalidInput } from "../engine/errors";
import { writeEvaluationReport, type ReportLocale } from "../engine/report";
import { formatEvaluation } from "./format";
import type { CliIo } from "./io";
import { withEngine, type GlobalOptions } from "./store-option";

export type EvaluateOptions = GlobalOptions & {
  model: string;
  data: string;
  label: string;
  positive?: string;
  positiveClass?: string;
  threshold: number;
  columns?: string[];
  features?: string[];
  task?: "classification" | "regression";
  delimiter?: Delimiter;
  missing?: string[];
  batchSize: number;
  report?: string;
  language: ReportLocale;
};

export async function runEvaluate(
  options: EvaluateOptions,
  io: CliIo,
): Promise<void> {
  const request: EvaluateRequest = {
    modelPath: options.model,
    dataPath: options.data,
    labelColumn: options.label,
    positiveLabel: options.positive,
    positiveClass: options.positiveClass,
    threshold: options.threshold,
    columns: options.columns,
    features: options.features,
    task: options.task,
    delimiter: options.delimiter,
    missingValues: options.missing,
    batchSize: options.batchSize,
  };
  const reportPath =
    options.report === undefined ? undefined : path.resolve(options.report);
  if (reportPath !== undefined) {
    await assertWritableFolder(reportPath);
  }

  const result = await withEngine(options, io, (engine) =>
    engine.run("evaluate", request),
  );
  if (reportPath !== undefined) {
    await writeEvaluationReport(result, reportPath, {
      locale: options.language,
    });
  }

  if (options.json === true) {
    io.stdout(`${JSON.stringify(toJsonOutput(result, reportPath), null, 2)}\n`);
    return;
  }
  io.stdout(formatEvaluation(result));
  if (reportPath !== undefined) {
    io.stdout(`Report written to ${reportPath}\n`);
  }
}

/**
 * Shapes the evaluation for --json. The ROC curve's points are left out:
 * they fill the report and the store, and would bury the metrics here.
 */
function toJsonOutput(
  result: EvaluationResult,
  reportPath: string | undefined,
): Record<string, unknown> {
  const output: Record<string, unknown> =
    result.task === "classification"
      ? (({ rocCurve: _rocCurve, ...rest }) => rest)(result)
      : { ...result };
  if (reportPath !== undefined) {
    output.reportPath = reportPath;
  }
  return output;
}

/** Fails before the evaluation runs, so a bad --report path writes nothing. */
async function assertWritableFolder(filePath: string): Promise<void> {
  const folder = path.dirname(filePath);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw invalidInput(
      `Cannot write the report ${filePath}: the folder ${folder} does not exist or is not writable.`,
      error,
    );
  }
  if (path.extname(filePath).toLowerCase() !== ".pdf") {
    throw new DossierError(
      "invalidInput",
      `The report file ${filePath} must end in .pdf.`,
    );
  }
}
