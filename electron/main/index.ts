import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  app,
  dialog,
  ipcMain,
  protocol,
  session,
  type BrowserWindow,
} from "electron";
import { openEngine } from "../engine/api";
import { createLogger } from "../engine/log";
import { defaultStorePath } from "../engine/paths";
import { createSenderCheck, registerInvokeHandler } from "./ipc";
import { electronNativeBindingPath, unpackedAppRoot } from "./native-binding";
import {
  createRendererRequestHandler,
  rendererEntryUrl,
  rendererScheme,
} from "./renderer-protocol";
import {
  confineWebContents,
  createMainWindow,
  denyAllPermissions,
} from "./window";

/**
 * The folder of the bundled main process, out/main. The preload and renderer
 * builds are beside it.
 */
const outDir = path.dirname(fileURLToPath(import.meta.url));

// Both calls must happen before the app is ready.
protocol.registerSchemesAsPrivileged([
  {
    scheme: rendererScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true },
  },
]);
app.enableSandbox();

const log = createLogger("main");

let mainWindow: BrowserWindow | undefined;

/**
 * Returns the page the window loads: electron-vite's dev server during
 * `npm run dev`, else the built renderer through the app:// protocol.
 */
function rendererUrl(): string {
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && devServerUrl !== undefined
    ? devServerUrl
    : rendererEntryUrl;
}

/**
 * Returns better-sqlite3's addon built for this Electron.
 *
 * @throws Error naming the missing file and the command that builds it.
 */
function nativeBindingPath(): string {
  const file = electronNativeBindingPath(unpackedAppRoot(app.getAppPath()), {
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  if (!fs.existsSync(file)) {
    throw new Error(
      `better-sqlite3 for Electron ${process.versions.electron} is missing ` +
        `at ${file}. Run "node scripts/build-native-for-electron.mjs" ` +
        "(npm start runs it), then start Dossier again.",
    );
  }
  return file;
}

async function start(): Promise<void> {
  await app.whenReady();

  // The store is the one the command line uses by default, so both show the
  // same models, datasets and evaluations.
  const engine = openEngine({
    storePath: defaultStorePath(),
    canCreateFolder: true,
    nativeBinding: nativeBindingPath(),
  });
  app.on("will-quit", () => engine.close());

  denyAllPermissions(session.defaultSession);
  protocol.handle(
    rendererScheme,
    createRendererRequestHandler(path.join(outDir, "../renderer")),
  );
  const url = rendererUrl();
  registerInvokeHandler(ipcMain, engine, createSenderCheck(url));

  openWindow(url);
  app.on("activate", () => {
    if (mainWindow === undefined) {
      openWindow(url);
    }
  });
}

function openWindow(url: string): void {
  const window = createMainWindow(path.join(outDir, "../preload/index.cjs"));
  mainWindow = window;
  window.on("closed", () => {
    mainWindow = undefined;
  });
  window.loadURL(url).catch(exitWithError);
}

function focusMainWindow(): void {
  if (mainWindow === undefined) {
    return;
  }
  if (mainWindow.isMinimized()) {
    mainWindow.restore();
  }
  mainWindow.focus();
}

function exitWithError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error({ err: error }, "Dossier could not start");
  dialog.showErrorBox("Dossier could not start", message);
  app.exit(1);
}

// A second instance would open a second window on the same store, so it
// focuses the first window and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", focusMainWindow);
  app.on("web-contents-created", (_event, contents) =>
    confineWebContents(contents),
  );
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") {
      app.quit();
    }
  });
  start().catch(exitWithError);
}
