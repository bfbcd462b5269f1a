import { Command, CommanderError, Option } from "commander";
import { defaultThreshold } from "../../shared/contract";
import { toDossierError } from "../engine/errors";
import { reportLocales } from "../engine/report";
import { dossierVersion } from "../engine/version";
import { runEvaluate, type EvaluateOptions } from "./evaluate-command";
import { formatDatasets, formatEvaluations, formatModels } from "./format";
import type { CliIo } from "./io";
import {
  parseArtifactName,
  parseDelimiter,
  parseNameList,
  parsePort,
  parsePositiveInteger,
  parseProbability,
} from "./options";
import {
  defaultRendererDir,
  runServe,
  type ServeOptions,
} from "./serve-command";
import { withEngine, type GlobalOptions } from "./store-option";

/**
 * Runs the `dossier` command line with `argv` (without the program name) and
 * returns the exit status. The statuses are 0 success, 1 a check failed,
 * 2 bad usage or input, 3 rejected by a rule of the store, 4 the store cannot
 * be used, and 70 an internal error.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already written its message (or the help text).
      return error.exitCode === 0 ? 0 : 2;
    }
    const failure = toDossierError(error);
    const prefix = failure.code === "internal" ? "internal error: " : "";
    io.stderr(`dossier: ${prefix}${failure.message}\n`);
    return failure.exitCode;
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command("dossier")
    .description(
      "Offline model governance: evaluate ONNX models on CSV data and keep the lineage.",
    )
    .version(dossierVersion)
    .showHelpAfterError("(run with --help for usage)");
  configure(program, io);

  const evaluate = program
    .command("evaluate")
    .description(
      "Evaluate an ONNX model on a labelled CSV file, record the run in the store, and optionally write a PDF report.",
    )
    .requiredOption("--model <file>", "ONNX model file")
    .requiredOption("--data <file>", "CSV data file with a label column")
    .requiredOption("--label <column>", "column with the true labels")
    .option(
      "--positive <value>",
      "classification only: positive label as written in the data (default: the model's positive_label metadata, or 1 for 0/1 labels)",
    )
    .option(
      "--positive-class <class>",
      "classification only: model class that stands for the positive label (default: the model's positive_class metadata, a class equal to the label, or 1)",
    )
    .option(
      "--threshold <probability>",
      `classification with probabilities only: a row is predicted positive when P(positive) >= this value (default: ${defaultThreshold})`,
      parseProbability,
    )
    .option(
      "--columns <names>",
      "comma-separated column names; the file then has no header line",
      parseNameList,
    )
    .option(
      "--features <names>",
      "comma-separated feature columns, in order, for a model with one 2-D input (default: the model's feature_names metadata)",
      parseNameList,
    )
    .addOption(
      new Option(
        "--task <task>",
        "evaluation task (default: from the model)",
      ).choices(["classification", "regression"]),
    )
    .option(
      "--delimiter <delimiter>",
      "field delimiter: comma, semicolon, tab or space (default: detected)",
      parseDelimiter,
    )
    .option(
      "--missing <markers>",
      "comma-separated cell texts that mean a missing value (default: empty, ?, NA)",
      (value: string) => value.split(","),
    )
    .option(
      "--batch-size <rows>",
      "rows per onnxruntime run",
      parsePositiveInteger,
      4096,
    )
    .option(
      "--model-name <name>",
      "name under which a new model is registered (default: the file name without its extension); " +
        "a model file already in the store, with the same SHA-256, keeps its existing name and version",
      parseArtifactName,
    )
    .option(
      "--dataset-name <name>",
      "name under which a new dataset is registered (default: the file name without its extension); " +
        "a data file already in the store, with the same SHA-256, keeps its existing name and version",
      parseArtifactName,
    )
    .option(
      "--report <file.pdf>",
      "write a PDF report of the evaluation; the folder must exist and be writable",
    )
    .addOption(
      new Option("--language <language>", "language of the report")
        .choices(reportLocales)
        .default("en"),
    );
  addGlobalOptions(evaluate);
  configure(evaluate, io);
  evaluate.action(async (options: EvaluateOptions) => {
    await runEvaluate(options, io);
  });

  const listings = [
    ["models", "listModels", formatModels],
    ["datasets", "listDatasets", formatDatasets],
    ["evaluations", "listEvaluations", formatEvaluations],
  ] as const;
  for (const [noun, operation, format] of listings) {
    const list = program
      .command(noun)
      .description(`Work with the store's ${noun}.`)
      .command("list")
      .description(`List the store's ${noun}.`);
    addGlobalOptions(list);
    configure(list, io);
    list.action(async (options: GlobalOptions) => {
      const value = await withEngine(
        options,
        io,
        (engine) => engine.run(operation, {}),
        "readOnly",
      );
      io.stdout(
        options.json === true
          ? `${JSON.stringify(value, null, 2)}\n`
          : (format as (value: unknown) => string)(value),
      );
    });
  }

  const serve = program
    .command("serve")
    .description(
      "Serve the Dossier window to a web browser on this computer (127.0.0.1) until stopped with Ctrl+C.",
    )
    .option(
      "--port <number>",
      "TCP port on 127.0.0.1; 0 picks a free one",
      parsePort,
      0,
    )
    .option(
      "--store <file>",
      "lineage store file (default: $DOSSIER_STORE, else dossier.db in the user's application-data folder)",
    )
    .option(
      "--renderer <folder>",
      "renderer build to serve, made by npm run build",
      defaultRendererDir,
    );
  configure(serve, io);
  serve.action(async (options: ServeOptions) => {
    await runServe(options, io);
  });
  return program;
}

function addGlobalOptions(command: Command): void {
  command
    .option(
      "--store <file>",
      "lineage store file (default: $DOSSIER_STORE, else dossier.db in the user's application-data folder)",
    )
    .option("--json", "print one JSON object instead of text");
}

function configure(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout(text),
    writeErr: (text) => io.stderr(text),
  });
}
