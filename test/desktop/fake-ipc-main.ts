import type {
  InvokeEvent,
  InvokeHandlerRegistry,
} from "../../electron/main/ipc";

type Listener = Parameters<InvokeHandlerRegistry["handle"]>[1];

/**
 * A stand-in for Electron's `ipcMain`: it stores the handlers that the main
 * process registers, and `invoke` calls one as a renderer frame at
 * `frameUrl` would (null for a frame that is gone).
 */
export function createFakeIpcMain() {
  const listeners = new Map<string, Listener>();

  return {
    handle(channel: string, listener: Listener): void {
      if (listeners.has(channel)) {
        // Electron throws too when a channel gets a second handler.
        throw new Error(`A handler for ${channel} is already registered.`);
      }
      listeners.set(channel, listener);
    },

    channels(): string[] {
      return [...listeners.keys()];
    },

    invoke(
      channel: string,
      frameUrl: string | null,
      message: unknown,
    ): Promise<unknown> {
      const listener = listeners.get(channel);
      if (listener === undefined) {
        throw new Error(`No handler for ${channel}.`);
      }
      const event: InvokeEvent = {
        senderFrame: frameUrl === null ? null : { url: frameUrl },
      };
      return listener(event, message);
    },
  } satisfies InvokeHandlerRegistry & Record<string, unknown>;
}
