import { InvalidArgumentError } from "commander";
import { artifactNamePattern } from "../../shared/contract";

/** Parses `a,b,c` into trimmed, non-empty names. */
export function parseNameList(value: string): string[] {
  const names = value.split(",").map((name) => name.trim());
  if (names.some((name) => name === "")) {
    throw new InvalidArgumentError(
      `'${value}' has an empty name; write the names separated by commas, as in a,b,c.`,
    );
  }
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw new InvalidArgumentError(`the name ${duplicate} appears twice.`);
  }
  return names;
}

export function parseProbability(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !(number > 0 && number < 1)) {
    throw new InvalidArgumentError(
      `'${value}' is not a number between 0 and 1 (exclusive), such as 0.5.`,
    );
  }
  return number;
}

/** Parses the name of a model or dataset in the store. */
export function parseArtifactName(value: string): string {
  if (!artifactNamePattern.test(value)) {
    throw new InvalidArgumentError(
      `'${value}' is not a valid name; use 1 to 128 letters, digits, dots, underscores or hyphens, ` +
        "starting with a letter or digit, as in churn-model_v2.",
    );
  }
  return value;
}

export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError(
      `'${value}' is not a positive whole number.`,
    );
  }
  return number;
}

/** Parses a TCP port, 0 to 65535; 0 lets the system pick a free one. */
export function parsePort(value: string): number {
  const number = Number(value);
  if (
    value.trim() === "" ||
    !Number.isInteger(number) ||
    number < 0 ||
    number > 65_535
  ) {
    throw new InvalidArgumentError(
      `'${value}' is not a TCP port; give a whole number from 0 to 65535 (0 picks a free port).`,
    );
  }
  return number;
}

const delimiterNames: Record<string, string> = {
  ",": ",",
  comma: ",",
  ";": ";",
  semicolon: ";",
  "\\t": "\t",
  "\t": "\t",
  tab: "\t",
  " ": " ",
  space: " ",
};

export function parseDelimiter(value: string): string {
  const delimiter = delimiterNames[value];
  if (delimiter === undefined) {
    throw new InvalidArgumentError(
      `'${value}' is not a supported delimiter; use comma, semicolon, tab or space.`,
    );
  }
  return delimiter;
}
