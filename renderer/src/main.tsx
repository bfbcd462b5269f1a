import "./zod-config";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createClient } from "./api/client";
import { windowTransport } from "./api/window-transport";
import "./styles.css";

const container = document.getElementById("root");
if (container === null) {
  throw new Error("index.html has no #root element to render into.");
}

createRoot(container).render(
  <StrictMode>
    <App client={createClient(windowTransport())} />
  </StrictMode>,
);
