// The portal's own script: register the widgets, and show the selected participant's record
// from the portal's backend in its own panel.
import init, { defineElements } from "/pkg/foerderweg.js";

const panel = document.getElementById("person");
const show = (id, text) => (document.getElementById(id).textContent = text);

document.addEventListener("foerderweg-select", async (event) => {
  const { type, id } = event.detail;
  if (type !== "participant") return;
  const response = await fetch(`/api/timeline/participants/${encodeURIComponent(id)}`);
  if (!response.ok) return;
  const person = (await response.json()).participants[0];
  show("person-id", person.id);
  show("person-label", person.label);
  show("person-programme", person.programme ?? "–");
  show("person-phases", String(person.phases.length));
  show("person-exit", person.exit ? `${person.exit.date} (${person.exit.outcome})` : "noch im Programm");
  panel.hidden = false;
  document.getElementById("person-hint").hidden = true;
});

await init();
defineElements();
