import path from "node:path";

/** The runtime a native addon is built for. */
export type NativeTarget = {
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
};

/**
 * Returns where scripts/build-native-for-electron.mjs writes better-sqlite3's
 * addon for `target`, below the app's root folder. The addon lives outside
 * node_modules so that Node (tests, command line) and Electron each load a
 * build for their own ABI from one checkout.
 */
export function electronNativeBindingPath(
  appRoot: string,
  target: NativeTarget,
): string {
  return path.join(
    appRoot,
    "out",
    "native",
    `electron-${target.electronVersion}-${target.platform}-${target.arch}`,
    "better_sqlite3.node",
  );
}

/**
 * Returns the folder that contains the unpacked files for `appPath`. A native
 * addon cannot be loaded from inside app.asar, so electron-builder unpacks
 * `.node` files to app.asar.unpacked beside it.
 */
export function unpackedAppRoot(appPath: string): string {
  return path.basename(appPath) === "app.asar"
    ? `${appPath}.unpacked`
    : appPath;
}
