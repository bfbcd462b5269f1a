import { randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import { open, rm, stat } from "node:fs/promises";
import path from "node:path";
import type {
  Delimiter,
  EvaluateRequest,
  EvaluationResult,
} from "../../shared/contract";
import { DossierError, invalidInput, toDossierError } from "../engine/errors";
import { writeEvaluationReport, type ReportLocale } from "../engine/report";
import { formatEvaluation } from "./format";
import type { CliIo } from "./io";
import { resolveStore, withEngine, type GlobalOptions } from "./store-option";

export type EvaluateOptions = GlobalOptions & {
  model: string;
  data: string;
  label: string;
  positive?: string;
  positiveClass?: string;
  threshold?: number;
  modelName?: string;
  datasetName?: string;
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
    modelName: options.modelName,
    datasetName: options.datasetName,
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
    await assertReportTarget(reportPath, [
      ["--store", resolveStore(options, io).storePath],
      ["--model", path.resolve(options.model)],
      ["--data", path.resolve(options.data)],
    ]);
  }

  const result = await withEngine(options, io, (engine) =>
    engine.run("evaluate", request),
  );
  const reportFailure =
    reportPath === undefined
      ? undefined
      : await writeReportOfRecorded(result, reportPath, options.language);
  const writtenReport = reportFailure === undefined ? reportPath : undefined;

  // The evaluation is on record even when its report failed, so its result
  // is printed before that failure.
  if (options.json === true) {
    io.stdout(
      `${JSON.stringify(toJsonOutput(result, writtenReport), null, 2)}\n`,
    );
  } else {
    io.stdout(formatEvaluation(result));
    if (writtenReport !== undefined) {
      io.stdout(`Report written to ${writtenReport}\n`);
    }
    // With --json the warnings are a field of the output instead.
    for (const warning of result.warnings) {
      io.stderr(`dossier: warning: ${warning}\n`);
    }
  }
  if (reportFailure !== undefined) {
    throw reportFailure;
  }
}

/**
 * Writes the report of an evaluation already recorded in the store. Returns
 * the failure, if any, as an error whose message states that the evaluation
 * was recorded.
 */
async function writeReportOfRecorded(
  result: EvaluationResult,
  reportPath: string,
  locale: ReportLocale,
): Promise<DossierError | undefined> {
  try {
    await writeEvaluationReport(result, reportPath, { locale });
    return undefined;
  } catch (error) {
    const failure = toDossierError(error);
    // A file system error is shown as it is, without the writer's wrapping.
    const cause = failure.cause;
    const isSystemError = cause instanceof Error && "syscall" in cause;
    const message = isSystemError ? cause.message : failure.message;
    const reason = message.replace(/\.$/, "");
    return new DossierError(
      failure.code,
      `The evaluation ${result.evaluationId} was recorded in the store, ` +
        `but its report could not be written to ${reportPath}: ${reason}. ` +
        "Fix the cause and run the evaluation again for a report; the store keeps both runs.",
      { cause: error },
    );
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

/**
 * Checks the --report path before the evaluation runs, so that a report that
 * cannot be written leaves the store unchanged. Creating and removing a file
 * in the folder proves that it is writable, which `access` cannot for every
 * file system and account. `otherFiles` are the command's other files, as
 * option and absolute path, which the report must not replace.
 */
async function assertReportTarget(
  filePath: string,
  otherFiles: [option: string, filePath: string][],
): Promise<void> {
  if (path.extname(filePath).toLowerCase() !== ".pdf") {
    throw invalidInput(
      `The report file ${filePath} must end in .pdf; pass --report with a name such as report.pdf.`,
    );
  }
  const clash = otherFiles.find(([, otherPath]) => otherPath === filePath);
  if (clash !== undefined) {
    throw invalidInput(
      `The report file ${filePath} is also the ${clash[0]} file, which the report would replace; ` +
        "pass --report with another name.",
    );
  }
  const folder = path.dirname(filePath);
  const folderStats = await statOrUndefined(folder);
  if (folderStats === undefined) {
    throw invalidInput(
      `Cannot write the report ${filePath}: the folder ${folder} does not exist; create it first.`,
    );
  }
  if (!folderStats.isDirectory()) {
    throw invalidInput(
      `Cannot write the report ${filePath}: ${folder} is a file, not a folder.`,
    );
  }
  if ((await statOrUndefined(filePath))?.isDirectory() === true) {
    throw invalidInput(
      `Cannot write the report ${filePath}: it is an existing folder; pass --report with a file name.`,
    );
  }
  await proveWritable(folder, filePath);
}

/** Returns the file's stats, or undefined when no file is at `filePath`. */
async function statOrUndefined(filePath: string): Promise<Stats | undefined> {
  try {
    return await stat(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return undefined;
    }
    throw invalidInput(
      `Cannot write the report to ${filePath}: ${(error as Error).message}.`,
      error,
    );
  }
}

/**
 * Creates and removes a file in the folder. The file has the name pattern of
 * the report writer's temporary file, so that a name too long for the file
 * system fails here too.
 */
async function proveWritable(folder: string, filePath: string): Promise<void> {
  const probePath = path.join(
    folder,
    `.${path.basename(filePath)}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    const probe = await open(probePath, "wx");
    await probe.close();
    await rm(probePath, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EACCES" || code === "EPERM" || code === "EROFS"
        ? `the folder ${folder} is not writable (${code})`
        : `creating a file in ${folder} failed: ${(error as Error).message}`;
    throw invalidInput(
      `Cannot write the report ${filePath}: ${reason}; pass --report with a writable folder.`,
      error,
    );
  }
}
