import type { Transport } from "./client";

/** The browser-mode host's API path, relative to the page's origin. */
export const invokePath = "/api/invoke";

/**
 * Returns the transport of the browser-mode host: each call POSTs
 * `{ operation, request }` as JSON to `endpoint`, and the reply body is the
 * host's result, rejections (4xx) included. Rejects when the request fails
 * or the reply is not JSON, and the client turns that into a failure result.
 */
export function httpTransport(endpoint: string = invokePath): Transport {
  return {
    async invoke(operation, request) {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ operation, request }),
      });
      try {
        return (await response.json()) as unknown;
      } catch {
        throw new Error(
          `${endpoint} replied ${response.status} ${response.statusText} ` +
            "without a JSON body: is the Dossier browser host running?",
        );
      }
    },
  };
}
