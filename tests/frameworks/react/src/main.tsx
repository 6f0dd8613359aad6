// The package imported first, as the docs say: the elements are defined before React renders,
// so React 19 sets `data` as a property.
import "foerderweg";
import { createRoot } from "react-dom/client";
import { StrictMode } from "react";
import { App, loadDocuments } from "./App";

loadDocuments().then((documents) => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App documents={documents} />
    </StrictMode>,
  );
});
