// Runs the browser bench pages in headless Chromium and prints their figures.
import { start, open } from "../tests/e2e/helpers.mjs";

const env = await start();
const cases = [
  "/bench/occupancy.html?projects=500&dates=100&runs=10",
  "/bench/occupancy.html?projects=42&dates=6&runs=10",
  "/bench/timeline.html?cohort=stendal&runs=10",
  "/bench/timeline.html?cohort=large&runs=10",
];
for (const path of cases) {
  const { page } = await open(env, path);
  await page.waitForFunction(() => document.getElementById("result").textContent.startsWith("{"), null, {
    timeout: 300000,
  });
  console.log(await page.locator("#result").textContent());
  await page.close();
}
await env.close();
