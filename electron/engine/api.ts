import type { z } from "zod";
import {
  invocationSchema,
  operations,
  type OperationName,
  type OperationResponse,
  type ParsedEvaluateRequest,
  type Result,
} from "../../shared/contract";
import { toDossierError, invalidInput } from "./errors";
import { evaluate } from "./evaluate";
import { createLogger } from "./log";
import { openStore, type OpenStoreOptions, type Store } from "./store";

const log = createLogger("api");

/** The engine behind every host: one store and the contract's operations. */
export type Engine = {
  readonly store: Store;
  /** Parses `{ operation, request }` from `unknown` and runs the operation. */
  invoke(invocation: unknown): Promise<Result<unknown>>;
  run<Name extends OperationName>(
    operation: Name,
    request: unknown,
  ): Promise<OperationResponse<Name>>;
  close(): void;
};

export function openEngine(options: OpenStoreOptions): Engine {
  const store = openStore(options);

  async function run<Name extends OperationName>(
    operation: Name,
    request: unknown,
  ): Promise<OperationResponse<Name>> {
    const parsed = operations[operation].request.safeParse(request);
    if (!parsed.success) {
      throw invalidInput(
        `Invalid request to ${operation}: ${describeIssues(parsed.error)}`,
      );
    }
    return (await dispatch(
      store,
      operation,
      parsed.data,
    )) as OperationResponse<Name>;
  }

  async function invoke(invocation: unknown): Promise<Result<unknown>> {
    const started = performance.now();
    const parsed = invocationSchema.safeParse(invocation);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: "invalidInput",
          message: `Invalid invocation: ${describeIssues(parsed.error)}`,
        },
      };
    }
    const { operation, request } = parsed.data;
    try {
      const value = await run(operation, request);
      log.debug(
        { operation, durationMs: performance.now() - started },
        "operation finished",
      );
      return { ok: true, value };
    } catch (error) {
      const failure = toDossierError(error);
      log.warn({ operation, code: failure.code }, "operation failed");
      return {
        ok: false,
        error: { code: failure.code, message: failure.message },
      };
    }
  }

  return { store, invoke, run, close: () => store.close() };
}

/** Runs `operation` on a request that its schema has already parsed. */
async function dispatch(
  store: Store,
  operation: OperationName,
  request: unknown,
): Promise<unknown> {
  switch (operation) {
    case "listModels":
      return store.listModels();
    case "listDatasets":
      return store.listDatasets();
    case "listEvaluations":
      return store.listEvaluations();
    case "evaluate":
      return evaluate(store, request as ParsedEvaluateRequest);
  }
}

/** Joins zod's issues into one line, each with the path of its field. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      return field === "" ? issue.message : `${field}: ${issue.message}`;
    })
    .join("; ");
}
