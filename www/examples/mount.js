// Host example: the JS API, no custom elements.
import init, { mount } from "/pkg/foerderweg.js";

await init();
const status = document.getElementById("status");
const element = document.getElementById("widget");
element.addEventListener("foerderweg-ready", () => (status.textContent = "ready"));
element.addEventListener("foerderweg-error", (e) => (status.textContent = `error: ${e.detail.diagnostics.length}`));

const handle = mount(element, "occupancy", null, { lang: "en", src: "../data/occupancy-stendal.json" });

document.getElementById("update").addEventListener("click", async () => {
  const response = await fetch("../data/occupancy-stendal.json");
  const data = await response.json();
  data.programme.label += " (updated)";
  handle.update(data);
});
document.getElementById("break").addEventListener("click", () => handle.update('{"schema": "foerderweg/occupancy@1",'));
document.getElementById("destroy").addEventListener("click", () => {
  handle.destroy();
  status.textContent = "destroyed";
});
