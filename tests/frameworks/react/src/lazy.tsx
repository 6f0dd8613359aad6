// The package imported only after React has rendered the elements once (a lazy route, an app
// that does not wait for it): React 19 wrote `data="[object Object]"` on elements it did not
// know yet; the elements take the object React meant when they are defined.
import { createRoot } from "react-dom/client";
import { useEffect } from "react";
import { App, loadDocuments } from "./App";

function Lazy({ documents }: { documents: Parameters<typeof App>[0]["documents"] }) {
  useEffect(() => {
    void import("foerderweg");
  }, []);
  return <App documents={documents} />;
}

loadDocuments().then((documents) => {
  createRoot(document.getElementById("root")!).render(<Lazy documents={documents} />);
});
