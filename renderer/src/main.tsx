import "./zod-config";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { bridgeName } from "../../shared/bridge";
import { App } from "./App";
import { createClient } from "./api/client";
import { httpTransport } from "./api/http-transport";
import { windowTransport } from "./api/window-transport";
import "./styles.css";

const container = document.getElementById("root");
if (container === null) {
  throw new Error("index.html has no #root element to render into.");
}

// The desktop app's preload script provides the bridge. Without it, the page
// was served by the browser-mode host, which takes calls over HTTP.
const transport = bridgeName in window ? windowTransport() : httpTransport();

createRoot(container).render(
  <StrictMode>
    <App client={createClient(transport)} />
  </StrictMode>,
);
