import {
  parseResult,
  type OperationName,
  type OperationRequest,
  type OperationResponse,
  type Result,
} from "../../../shared/contract";
import type { DossierBridge } from "../../../shared/bridge";

export type {
  DatasetSummary,
  EvaluationSummary,
  ModelSummary,
  Result,
  Task,
} from "../../../shared/contract";

export type ErrorCode = Extract<
  Result<unknown>,
  { ok: false }
>["error"]["code"];

/**
 * Carries an invocation to a host and returns its raw reply: IPC through
 * `window.dossier` in Electron, or HTTP in a browser-mode host.
 */
export type Transport = DossierBridge;

export type DossierClient = {
  /**
   * Calls `operation` and parses the reply against the contract. Resolves to
   * a failure result, never rejects, when the transport fails or the reply
   * does not match the contract.
   */
  call<Name extends OperationName>(
    operation: Name,
    request: OperationRequest<Name>,
  ): Promise<Result<OperationResponse<Name>>>;
};

export function createClient(transport: Transport): DossierClient {
  return {
    async call(operation, request) {
      let reply: unknown;
      try {
        reply = await transport.invoke(operation, request);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          ok: false,
          error: {
            code: "internal",
            message: `Calling ${operation} failed: ${reason}`,
          },
        };
      }
      return parseResult(operation, reply);
    },
  };
}
