import type { OperationName } from "./contract";

/**
 * The object the preload script exposes as `window.dossier`. The reply is
 * `unknown` on purpose: the renderer parses it with the contract's
 * `parseResult` before using it.
 */
export type DossierBridge = {
  invoke(operation: OperationName, request: unknown): Promise<unknown>;
};

/** The name of the bridge on the renderer's `window`. */
export const bridgeName = "dossier";
