/** Output streams of a command: standard output for results, standard error for messages. */
export type CliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  environment: NodeJS.ProcessEnv;
};

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  environment: process.env,
};
