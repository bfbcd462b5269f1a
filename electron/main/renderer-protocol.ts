import { readFile } from "node:fs/promises";
import path from "node:path";
import { contentSecurityPolicy } from "./content-security-policy";

/*
 * The built renderer is served from app://dossier/ instead of file:// so that
 * the page has an origin of its own (file:// pages can read every other
 * file:// URL) and so that the responses carry the security headers.
 */
export const rendererScheme = "app";
export const rendererHost = "dossier";
export const rendererEntryUrl = `${rendererScheme}://${rendererHost}/index.html`;

/** The only file types the renderer build contains. */
const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * Maps a renderer URL to a file inside `rootDir`. Returns undefined for
 * another scheme or host, for a path that leaves `rootDir`, and for a path
 * with a NUL byte.
 */
export function resolveRendererFile(
  rootDir: string,
  url: string,
): string | undefined {
  const parsed = parseUrl(url);
  if (
    parsed === undefined ||
    parsed.protocol !== `${rendererScheme}:` ||
    parsed.host !== rendererHost
  ) {
    return undefined;
  }

  let relativePath: string;
  try {
    relativePath = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  // A NUL byte, as from "%00", makes readFile throw with the full path in
  // its message, and no file of the build has one in its name.
  if (relativePath.includes("\0")) {
    return undefined;
  }
  if (relativePath.endsWith("/")) {
    relativePath += "index.html";
  }

  // Decoding can produce "../" or "..\" that URL parsing did not collapse.
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${relativePath}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

/**
 * Creates the handler for `protocol.handle(rendererScheme, ...)`. It serves
 * the files of the renderer build in `rootDir` with the renderer's
 * Content-Security-Policy, and returns 404 for any other URL.
 */
export function createRendererRequestHandler(
  rootDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response(null, { status: 405 });
    }
    const file = resolveRendererFile(rootDir, request.url);
    const contentType =
      file === undefined ? undefined : contentTypes[path.extname(file)];
    if (file === undefined || contentType === undefined) {
      return notFound();
    }

    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(file));
    } catch (error) {
      if (isMissingFileError(error)) {
        return notFound();
      }
      throw error;
    }

    return new Response(request.method === "HEAD" ? null : body, {
      status: 200,
      headers: {
        "Content-Type": contentType,
        "Content-Security-Policy": contentSecurityPolicy,
        "X-Content-Type-Options": "nosniff",
      },
    });
  };
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function notFound(): Response {
  return new Response(null, { status: 404 });
}

function isMissingFileError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR";
}
