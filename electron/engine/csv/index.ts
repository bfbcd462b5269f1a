export { parseCsv, type CsvReadOptions, type CsvTable } from "./parse-csv";
export { readCsvFile } from "./read-csv-file";
export { defaultMissingValues } from "./infer-columns";
