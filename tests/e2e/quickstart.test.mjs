// The README's quick start, followed literally in a new empty folder: the shell block runs with
// FOERDERWEG pointing at this repository, its server on a free port, and the page it made is
// opened in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { FLAGS } from "./helpers.mjs";

const repo = fileURLToPath(new URL("../..", import.meta.url));

test("the README quick start gives a working page", async () => {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const block = readme.split("<!-- quickstart")[1].split("```sh\n")[1].split("```")[0];
  const lines = block.trimEnd().split("\n");
  const serve = lines.pop();
  assert.match(serve, /^python3 -m http\.server 8000/);
  assert.match(lines[0], /^FOERDERWEG=/);
  lines[0] = `FOERDERWEG=${JSON.stringify(repo)}`;
  const folder = mkdtempSync(join(tmpdir(), "foerderweg-quickstart-"));
  execFileSync("bash", ["-euo", "pipefail", "-c", lines.join("\n")], { cwd: folder, stdio: "inherit" });
  // Port 0: the system picks a free port, which the server prints.
  const server = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"], { cwd: folder });
  const port = await new Promise((found, fail) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/port (\d+)/);
      if (match) found(Number(match[1]));
    });
    server.once("exit", (code) => fail(new Error(`http.server exited with ${code}: ${out}`)));
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => document.querySelector("foerderweg-occupancy")?.shadowRoot?.querySelector(".fw-figures"), null, { timeout: 15000 });
    const rate = await page.evaluate(
      () => document.querySelector("foerderweg-occupancy").shadowRoot.querySelector(".fw-figure--rate .fw-figure__value").textContent,
    );
    assert.equal(rate, "98,2\u202f%");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});
