// The provider's page: the JS API instead of custom elements, data from its own JSON files.
import init, { mount } from "/pkg/foerderweg.js";

await init();
const load = async (url) => (await fetch(url)).json();
const [occupancy, path] = await Promise.all([load("../data/occupancy-example.json"), load("../data/timeline-jobperspektive.json")]);
occupancy.programme.label = "Arbeitsgelegenheiten des Bildungswerks Altmark (fiktive Zahlen)";
// Keep the handles: they update or remove the widgets later.
window.widgets = {
  occupancy: mount(document.getElementById("occupancy"), "occupancy", occupancy, { lang: "de" }),
  path: mount(document.getElementById("path"), "timeline", path, { lang: "de" }),
};
