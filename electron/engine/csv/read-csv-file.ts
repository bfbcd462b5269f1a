import { readFile } from "node:fs/promises";
import { invalidInput } from "../errors";
import { sha256Hex } from "../hash";
import { parseCsv, type CsvReadOptions, type CsvTable } from "./parse-csv";
import { createLogger } from "../log";

const log = createLogger("csv");

/**
 * Reads a CSV file once and returns the parsed table with the SHA-256 (hex,
 * lowercase) and the size in bytes of the raw file, so that the digest
 * matches exactly the bytes that were parsed.
 */
export async function readCsvFile(
  path: string,
  options: CsvReadOptions = {},
): Promise<{ table: CsvTable; sha256: string; sizeBytes: number }> {
  const started = performance.now();
  const content = await readFileBytes(path);
  const table = parseCsv(content, path, options);
  log.info(
    {
      rowCount: table.rowCount,
      columnCount: table.columns.length,
      sizeBytes: content.length,
      durationMs: performance.now() - started,
    },
    "CSV file read",
  );
  return { table, sha256: sha256Hex(content), sizeBytes: content.length };
}

async function readFileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw invalidInput(`CSV file not found: ${path}. Check the path.`, error);
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidInput(
      `Cannot read the CSV file ${path}: ${reason}. Check that it is a ` +
        `readable file.`,
      error,
    );
  }
}
