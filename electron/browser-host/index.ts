import fs from "node:fs";
import http, {
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { openEngine, type Engine } from "../engine/api";
import { invalidInput } from "../engine/errors";
import { createLogger } from "../engine/log";
import { handleInvoke, invokePath } from "./invoke-route";
import { failureReply, sendJson } from "./json-reply";
import {
  apiFetchSites,
  findRequestRejection,
  staticFetchSites,
} from "./request-guard";
import { createStaticRoute } from "./static-route";

export { invokePath } from "./invoke-route";

const log = createLogger("browser-host");

/** The host listens on the loopback interface only. */
const listenAddress = "127.0.0.1";

export type BrowserHostOptions = {
  /** The lineage store, created when the first change is recorded. */
  storePath: string;
  /** Creates missing folders of `storePath`, as for the default store. */
  isDefault?: boolean;
  /** The renderer build, out/renderer after `npm run build`. */
  rendererDir: string;
  /** @default 0, a free port that the system picks */
  port?: number;
};

export type BrowserHost = {
  /** The page's address, `http://127.0.0.1:<port>/`. */
  url: string;
  /** Stops listening, waits for running operations, closes the store. */
  close(): Promise<void>;
};

/**
 * Starts the browser-mode host: an HTTP server on 127.0.0.1 that serves the
 * renderer build and passes `POST /api/invoke` to an engine on `storePath`.
 *
 * NOTE: `evaluate` reads whatever model and data paths the caller names,
 * with this process's file permissions. The request guard admits only the
 * host's own page, so this is as safe as that page and the local machine.
 *
 * @throws DossierError "invalidInput" when the renderer build is missing,
 *   the port is invalid or in use.
 */
export async function startBrowserHost(
  options: BrowserHostOptions,
): Promise<BrowserHost> {
  const port = options.port ?? 0;
  assertPort(port);
  assertRendererBuild(options.rendererDir);

  const engine = openEngine({
    storePath: options.storePath,
    canCreateFolder: options.isDefault ?? false,
  });
  const pending = new Set<Promise<unknown>>();
  let origin = new URL(`http://${listenAddress}/`);
  const serveStatic = createStaticRoute(options.rendererDir);
  const logRejection = createRejectionLog();
  const server = http.createServer((request, response) => {
    const handled = route(request, response, {
      origin,
      engine,
      serveStatic,
      logRejection,
    }).catch((error: unknown) => replyInternalError(response, error));
    pending.add(handled);
    void handled.finally(() => pending.delete(handled));
  });
  // Bounds how long a client may take to send one request.
  server.requestTimeout = 60_000;

  try {
    origin = await listen(server, port);
  } catch (error) {
    engine.close();
    throw error;
  }
  log.info(
    { url: origin.href, storePath: options.storePath },
    "browser host started",
  );

  let closing: Promise<void> | undefined;
  return {
    url: origin.href,
    close: () => {
      closing ??= stop(server, pending, engine).then(() =>
        log.info({ url: origin.href }, "browser host stopped"),
      );
      return closing;
    },
  };
}

type RouteContext = {
  origin: URL;
  engine: Engine;
  serveStatic: (
    request: IncomingMessage,
    response: ServerResponse,
  ) => Promise<void>;
  logRejection: (request: IncomingMessage, reason: string) => void;
};

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  { origin, engine, serveStatic, logRejection }: RouteContext,
): Promise<void> {
  const target = request.url ?? "";
  const isApi = target === invokePath || target.startsWith(`${invokePath}?`);
  const rejection = findRequestRejection(
    request.headers,
    origin,
    isApi ? apiFetchSites : staticFetchSites,
  );
  if (rejection !== undefined) {
    logRejection(request, rejection);
    sendJson(response, failureReply(403, "invalidInput", rejection));
    return;
  }

  if (isApi) {
    sendJson(response, await handleInvoke(request, engine));
  } else {
    await serveStatic(request, response);
  }
}

/**
 * Creates the log of rejected requests. The first 10 are logged one by one,
 * then only every 100th with the running count, so that a page that keeps
 * calling cannot flood the log.
 */
function createRejectionLog(): (
  request: IncomingMessage,
  reason: string,
) => void {
  let rejectionCount = 0;
  return (request, reason) => {
    rejectionCount += 1;
    if (rejectionCount <= 10 || rejectionCount % 100 === 0) {
      log.warn(
        { method: request.method, path: request.url, reason, rejectionCount },
        "request rejected",
      );
    }
  };
}

function replyInternalError(response: ServerResponse, error: unknown): void {
  if (response.destroyed) {
    log.warn({ err: error }, "client closed the connection mid-request");
    return;
  }
  log.error({ err: error }, "request failed");
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const reason = error instanceof Error ? error.message : String(error);
  sendJson(
    response,
    failureReply(500, "internal", `The browser host failed: ${reason}`),
  );
}

function listen(server: Server, port: number): Promise<URL> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? invalidInput(
              `Port ${port} on ${listenAddress} is in use: choose another ` +
                "port, or 0 to let the system pick a free one.",
              error,
            )
          : error,
      );
    });
    server.listen(port, listenAddress, () => {
      const address = server.address() as AddressInfo;
      resolve(new URL(`http://${listenAddress}:${address.port}/`));
    });
  });
}

/**
 * Stops accepting connections and lets the running requests send their
 * replies. Then it closes the remaining keep-alive connections and the
 * store, so that no running operation uses a closed store.
 */
async function stop(
  server: Server,
  pending: ReadonlySet<Promise<unknown>>,
  engine: Engine,
): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection can bring another request until it is closed.
  while (pending.size > 0) {
    await Promise.allSettled(pending);
  }
  server.closeAllConnections();
  await closed;
  engine.close();
}

function assertPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw invalidInput(
      `Port ${port} is invalid: give an integer from 0 to 65535 ` +
        "(0 lets the system pick a free one).",
    );
  }
}

function assertRendererBuild(rendererDir: string): void {
  const entry = path.join(rendererDir, "index.html");
  if (!fs.existsSync(entry)) {
    throw invalidInput(
      `The renderer build is missing: ${entry} does not exist. ` +
        'Run "npm run build" to create it.',
    );
  }
}
