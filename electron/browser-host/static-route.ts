import type { IncomingMessage, ServerResponse } from "node:http";
import { contentSecurityPolicy } from "../main/content-security-policy";
import {
  createRendererRequestHandler,
  rendererHost,
  rendererScheme,
} from "../main/renderer-protocol";

/**
 * The desktop app's policy, whose `connect-src 'self'` already admits the
 * same-origin API. Any site can frame a page on 127.0.0.1, unlike the
 * desktop app's window, so the host also forbids framing. That directive
 * works only in a header, not in index.html's meta tag.
 */
export const browserHostContentSecurityPolicy = `${contentSecurityPolicy}; frame-ancestors 'none'`;

/**
 * Creates the handler of every path other than the API: the files of the
 * renderer build in `rendererDir`, served by the desktop app's own
 * app:// handler, so that both hosts resolve paths (and reject traversal)
 * alike.
 */
export function createStaticRoute(
  rendererDir: string,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const handleRendererRequest = createRendererRequestHandler(rendererDir);

  return async (request, response) => {
    const method = request.method ?? "";
    if (method !== "GET" && method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const rendererRequest = toRendererRequest(method, request.url ?? "");
    if (rendererRequest === undefined) {
      response.writeHead(400).end();
      return;
    }

    const reply = await handleRendererRequest(rendererRequest);
    if (reply.status === 404 && request.url === "/favicon.ico") {
      // Browsers request an icon that the build does not have. A 204 reply
      // means there is none, without an error in the page's console.
      response.writeHead(204).end();
      return;
    }
    const headers = Object.fromEntries(reply.headers);
    if (reply.headers.has("content-security-policy")) {
      headers["content-security-policy"] = browserHostContentSecurityPolicy;
    }
    response.writeHead(reply.status, {
      ...headers,
      "Referrer-Policy": "no-referrer",
    });
    response.end(Buffer.from(await reply.arrayBuffer()));
  };
}

/**
 * Maps an HTTP request target (`/assets/x.js?v=1`) to the app:// URL that
 * the renderer handler expects. Returns undefined for a target that is not
 * a path, such as the absolute form `http://host/path`.
 */
function toRendererRequest(
  method: string,
  target: string,
): Request | undefined {
  if (!target.startsWith("/")) {
    return undefined;
  }
  try {
    return new Request(`${rendererScheme}://${rendererHost}${target}`, {
      method,
    });
  } catch {
    return undefined;
  }
}
