import { contextBridge, ipcRenderer } from "electron";
import { bridgeName, type DossierBridge } from "../../shared/bridge";
import type { invokeChannel } from "../../shared/contract";

// The contract module loads zod, so a type-only import keeps it out of the
// sandboxed preload bundle. The annotation still fails the typecheck if the
// channel name changes.
const channel: typeof invokeChannel = "dossier:invoke";

/*
 * The renderer gets this one function and never `ipcRenderer` itself, so a
 * compromised page can send only what the contract's parser in the main
 * process accepts.
 */
const bridge: DossierBridge = {
  invoke: (operation, request) =>
    ipcRenderer.invoke(channel, { operation, request }),
};

contextBridge.exposeInMainWorld(bridgeName, bridge);
