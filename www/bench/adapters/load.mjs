// Loads a peer's published bundle from its npm package (installed by `./dev bench` into
// www/bench/node_modules) as a classic script or a stylesheet.
export const PEERS = "/bench/node_modules/";

export function script(path) {
  return new Promise((resolve, reject) => {
    const element = document.createElement("script");
    element.src = PEERS + path;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`could not load ${path}: run ./dev bench, which installs it`));
    document.head.append(element);
  });
}

export function stylesheet(path) {
  return new Promise((resolve, reject) => {
    const element = document.createElement("link");
    element.rel = "stylesheet";
    element.href = PEERS + path;
    element.onload = resolve;
    element.onerror = () => reject(new Error(`could not load ${path}`));
    document.head.append(element);
  });
}

/** The German names of the phase kinds, as the peers' labels. */
export const PHASE_NAMES = {
  referral: "Zuweisung",
  profiling: "Profiling",
  recommendation: "Empfehlung",
  placement: "Vermittlung",
  workOpportunity: "Arbeitsgelegenheit",
  qualification: "Qualifizierung",
  internship: "Praktikum",
  followUp: "Anschlussmaßnahme",
};
