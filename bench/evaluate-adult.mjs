// Times the Adult evaluation end to end through the bundled command line,
// and onnxruntime's own `run` on the same rows, over several repetitions.
// Usage: npm run bench [-- --repetitions N]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.resolve(root, "../shared");
const model = path.join(shared, "models/adult-income-logreg.onnx");
const data = path.join(shared, "data/adult/adult.test");
const cli = path.join(root, "out/cli/dossier.js");

const repetitionsFlag = process.argv.indexOf("--repetitions");
const repetitions =
  repetitionsFlag > 0 ? Number(process.argv[repetitionsFlag + 1]) : 7;

for (const file of [model, data, cli]) {
  if (!fs.existsSync(file)) {
    process.stderr.write(
      `bench: ${file} is missing; run npm run build:cli and put the reference data in ../shared.\n`,
    );
    process.exit(2);
  }
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-bench-"));
const samples = [];
try {
  for (let index = 0; index < repetitions; index += 1) {
    const started = process.hrtime.bigint();
    const stdout = execFileSync(
      process.execPath,
      [
        cli,
        "evaluate",
        "--model",
        model,
        "--data",
        data,
        "--label",
        "Y",
        "--positive",
        ">50K.",
        "--json",
        "--report",
        path.join(folder, "adult.pdf"),
        "--store",
        path.join(folder, "bench.db"),
      ],
      { encoding: "utf8" },
    );
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const { timings, rows } = JSON.parse(stdout);
    samples.push({ wallMs, rows, ...timings });
  }
} finally {
  fs.rmSync(folder, { recursive: true, force: true });
}

const median = (values) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
};
const report = {
  machine: `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`,
  repetitions,
  rows: samples[0]?.rows,
  medianMs: {
    processWallClock: median(samples.map((sample) => sample.wallMs)),
    evaluationTotal: median(samples.map((sample) => sample.totalMs)),
    readModelAndCsv: median(samples.map((sample) => sample.readMs)),
    onnxruntimeRun: median(samples.map((sample) => sample.inferenceMs)),
  },
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
