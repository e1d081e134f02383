// Checks invitesim's recordings in real viewers (not part of `cargo test`): a still SVG
// from `play --screens WxH --format svg` laid out by headless Chromium, and the cast
// from `record` played by asciinema-player 3.18 in the same browser, each compared,
// character by character, with `play --screens` for the same step.
//
//   cargo build --release && node web/viewers.mjs [SCENARIO] [WxH]
//
// INVITESIM (default target/release/invitesim) and CHROMIUM (default /usr/bin/chromium)
// override the programs. Prints each comparison and "N passed, N failed".

import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

const here = dirname(fileURLToPath(import.meta.url));
const bin = process.env.INVITESIM || join(here, "..", "target", "release", "invitesim");
const scenario = process.argv[2] || "tour";
const size = process.argv[3] || "120x36";
const [cols, rows] = size.split("x").map(Number);
const cellW = 9.6; // src/export/svg.rs: CELL_W

const dir = mkdtempSync(join(tmpdir(), "invitesim-viewers-"));
const run = (...args) => execFileSync(bin, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const text = run("play", scenario, "--screens", size);
run("play", scenario, "--screens", size, "--format", "svg", "-o", join(dir, "svg"));
run("record", scenario, "-o", join(dir, "rec.cast"), "--size", size);

// `--screens` as blocks: [heading, lines].
const blocks = [];
let blank = true;
for (const line of text.split("\n")) {
  const head = blank && line.startsWith("── ") && line.endsWith(" ──");
  if (head) blocks.push([line.slice(3, -3), []]);
  else if (blocks.length) blocks.at(-1)[1].push(line);
  blank = line === "";
}
for (const b of blocks) b[1] = b[1].slice(0, rows);
const steps = blocks.length - 1;

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".cast": "text/plain" };
const player = join(here, "node_modules", "asciinema-player", "dist", "bundle");
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file;
  if (path === "/player.html") {
    res.writeHead(200, { "content-type": "text/html" });
    return res.end(`<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/p/asciinema-player.css">
      <div id="p"></div><script src="/p/asciinema-player.min.js"></script>
      <script>window.player = AsciinemaPlayer.create("/rec.cast", document.getElementById("p"), { cols: ${cols}, rows: ${rows} });</script>`);
  } else if (path.startsWith("/p/")) file = join(player, path.slice(3));
  else file = join(dir, path);
  try {
    const body = readFileSync(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
let passed = 0, failed = 0;
function compare(what, got, want) {
  const diff = want.map((w, i) => [i, w, got[i] ?? ""]).filter(([, w, g]) => w !== g);
  if (diff.length === 0) {
    passed++;
    console.log(`ok   ${what}: all ${want.length} rows equal`);
  } else {
    failed++;
    console.log(`FAIL ${what}: ${diff.length} rows differ`);
    for (const [i, w, g] of diff.slice(0, 4)) console.log(`     row ${i}\n       want ${JSON.stringify(w)}\n       got  ${JSON.stringify(g)}`);
  }
}

// The steps compared: the first action, one in the middle, the last.
const picks = [...new Set([Math.min(2, steps), Math.floor(steps / 2), steps])];

for (const n of picks) {
  // The SVG, laid out by Chromium: every character where the browser drew it.
  await page.goto(`${base}/svg/step-${String(n).padStart(3, "0")}.svg`);
  const svgRows = await page.evaluate((rows, cellW) => {
    const lines = Array.from({ length: rows }, () => []);
    for (const g of document.querySelectorAll("g.row")) {
      const r = Number(g.dataset.row);
      for (const span of g.querySelectorAll("tspan")) {
        const s = span.textContent;
        for (let i = 0; i < span.getNumberOfChars(); i++) {
          const x = span.getStartPositionOfChar(i).x;
          lines[r][Math.round(x / cellW)] = s[i];
        }
      }
    }
    return lines.map((l) => Array.from(l, (c) => c ?? " ").join("").trimEnd());
  }, rows, cellW);
  compare(`SVG in Chromium, ${blocks[n][0]}`, svgRows, blocks[n][1]);
}

// The cast in asciinema-player: each step's marker, the player's terminal text.
await page.goto(`${base}/player.html`);
await page.waitForFunction(() => window.player && document.querySelector(".ap-term, .ap-terminal"), { timeout: 10000 });
for (const n of picks.filter((n) => n > 0)) {
  const got = await page.evaluate(async (n, rows) => {
    await window.player.seek({ marker: n - 1 });
    await new Promise((r) => setTimeout(r, 300));
    const lines = [...document.querySelectorAll(".ap-line")].map((l) => l.textContent.replace(/\u00a0/g, " ").trimEnd());
    return lines.slice(0, rows);
  }, n, rows);
  // A quiz's marker shows its question; --screens shows it answered.
  if (blocks[n][0].includes("· Quiz(")) continue;
  compare(`cast in asciinema-player, ${blocks[n][0]}`, got, blocks[n][1]);
}

await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
