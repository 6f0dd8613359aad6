// Writes the generated samples of www/data/ (run after changing www/js/cohort.mjs).
import { writeFileSync } from "node:fs";
import { stendalCohort } from "../www/js/cohort.mjs";

const file = new URL("../www/data/timeline-stendal-cohort.json", import.meta.url);
writeFileSync(file, JSON.stringify(stendalCohort(), null, 1) + "\n");
console.log(`wrote ${file.pathname}`);
