// The provider's page: the JS API instead of custom elements, data from its own JSON files.
import init, { mount, setLabels } from "/pkg/foerderweg.js";

await init();
// The provider's own words, set once for the page before mounting (see LABELS.md for the keys).
const rejected = setLabels("de", {
  "occupancy_name": "Belegung unserer Einsatzstellen",
  "timeline_name": "Ein Weg durchs Programm",
  "tl.phase_kinds.qualification": "Qualifizierungsbaustein",
  "participants.one": "Teilnehmerin/Teilnehmer",
});
if (rejected.length) console.warn("labels not applied", rejected);
const load = async (url) => (await fetch(url)).json();
const [occupancy, path] = await Promise.all([load("../data/occupancy-example.json"), load("../data/timeline-jobperspektive.json")]);
occupancy.programme.label = "Arbeitsgelegenheiten des Bildungswerks Altmark (fiktive Zahlen)";
// Keep the handles: they update or remove the widgets later.
window.widgets = {
  occupancy: mount(document.getElementById("occupancy"), "occupancy", occupancy, { lang: "de" }),
  path: mount(document.getElementById("path"), "timeline", path, { lang: "de" }),
};
