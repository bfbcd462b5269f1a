import { bridgeName, type DossierBridge } from "../../../shared/bridge";
import type { Transport } from "./client";

/**
 * Returns the transport that the preload script exposes on `window`. When the
 * page runs without it (opened in a plain browser), every call rejects with
 * an error that names the missing bridge, and the page shows that error.
 */
export function windowTransport(): Transport {
  const bridge = (globalThis as Record<string, unknown>)[bridgeName] as
    DossierBridge | undefined;
  if (bridge !== undefined && typeof bridge.invoke === "function") {
    return bridge;
  }
  return {
    invoke: () =>
      Promise.reject(
        new Error(
          `window.${bridgeName} is missing: open this page in the Dossier ` +
            "desktop app, which provides it through its preload script.",
        ),
      ),
  };
}
