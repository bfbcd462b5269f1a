import { invokeChannel } from "../../shared/contract";
import type { Engine } from "../engine/api";

/** The part of Electron's `IpcMainInvokeEvent` that the handler reads. */
export type InvokeEvent = {
  readonly senderFrame: { readonly url: string } | null;
};

/** The part of Electron's `ipcMain` that registers the handler. */
export type InvokeHandlerRegistry = {
  handle(
    channel: string,
    listener: (event: InvokeEvent, message: unknown) => Promise<unknown>,
  ): void;
};

/**
 * Registers the one IPC handler: it passes each message from a trusted frame
 * to the engine, which parses it against the contract and returns a result.
 * A message from any other frame, or from a frame that is gone, rejects
 * without reaching the engine.
 */
export function registerInvokeHandler(
  ipcMain: InvokeHandlerRegistry,
  engine: Pick<Engine, "invoke">,
  isTrustedSender: (frameUrl: string) => boolean,
): void {
  ipcMain.handle(invokeChannel, async (event, message) => {
    const frameUrl = event.senderFrame?.url;
    if (frameUrl === undefined || !isTrustedSender(frameUrl)) {
      throw new Error(
        `Rejected ${invokeChannel} from ${frameUrl ?? "a destroyed frame"}: ` +
          "only the Dossier window may call the engine.",
      );
    }
    return engine.invoke(message);
  });
}

/**
 * Creates a check that a frame URL has the scheme, host and port of
 * `rendererUrl`, the page the window loads.
 */
export function createSenderCheck(
  rendererUrl: string,
): (frameUrl: string) => boolean {
  const expected = new URL(rendererUrl);
  return (frameUrl) => {
    let actual: URL;
    try {
      actual = new URL(frameUrl);
    } catch {
      return false;
    }
    return (
      actual.protocol === expected.protocol && actual.host === expected.host
    );
  };
}
