import type { IncomingHttpHeaders } from "node:http";

/** The values of `Sec-Fetch-Site` that a route accepts. */
export type FetchSites = readonly string[];

/** The API takes calls from the host's own page only. */
export const apiFetchSites: FetchSites = ["same-origin"];

/**
 * Static files also load when the user types the address ("none"), but not
 * when another site links or embeds them.
 */
export const staticFetchSites: FetchSites = ["same-origin", "none"];

/**
 * Checks that a request was sent to this host by its own page, and returns
 * the reason to reject it, or undefined when it passes.
 *
 * - `Host` must be the host's own `127.0.0.1:port`: a page on another name
 *   that resolves to 127.0.0.1 (DNS rebinding) sends that name instead.
 * - `Origin`, when present, must be the host's own origin.
 * - `Sec-Fetch-Site`, when present, must be one of `fetchSites`.
 */
export function findRequestRejection(
  headers: IncomingHttpHeaders,
  origin: URL,
  fetchSites: FetchSites,
): string | undefined {
  if (headers.host !== origin.host) {
    return (
      `Host header ${quote(headers.host)} is not ${origin.host}: ` +
      `open ${origin.origin}/ by its IP address.`
    );
  }
  if (headers.origin !== undefined && headers.origin !== origin.origin) {
    return (
      `Origin ${quote(headers.origin)} is not ${origin.origin}: ` +
      "only the Dossier page served by this host may call it."
    );
  }
  const fetchSite = headers["sec-fetch-site"];
  if (fetchSite !== undefined && !fetchSites.includes(fetchSite)) {
    return (
      `Sec-Fetch-Site ${quote(fetchSite)} is not ${fetchSites.join(" or ")}: ` +
      "only the Dossier page served by this host may call it."
    );
  }
  return undefined;
}

function quote(value: string | undefined): string {
  return value === undefined ? "(missing)" : JSON.stringify(value);
}
