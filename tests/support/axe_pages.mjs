// axe-core on a list of pages with one Chromium (driven by puppeteer-core).
//
// node tests/support/axe_pages.mjs JOB.json, where JOB.json holds chromePath,
// chromeFlags, axePath, tags and pages ([{name, url, scripts}]; scripts false: the
// page's scripts are not loaded, as without JavaScript). Prints on stdout one JSON
// object: {name: {url, status, violations}}. A page whose address has a query (the
// search page) is audited once the network is idle: its results come after "load".
// The test (tests/quality/test_accessibility.py) reads it. Exit 1 if a page failed.
import fs from "node:fs/promises";
import * as chromeLauncher from "chrome-launcher";
import puppeteer from "puppeteer-core";

const job = JSON.parse(await fs.readFile(process.argv[2], "utf8"));
const axe = await fs.readFile(job.axePath, "utf8");
const chrome = await chromeLauncher.launch({
  chromePath: job.chromePath,
  chromeFlags: job.chromeFlags,
});
const browser = await puppeteer.connect({
  browserURL: `http://127.0.0.1:${chrome.port}`,
  defaultViewport: { width: 1280, height: 720 },
});
const results = {};
let failed = false;
try {
  for (const page of job.pages) {
    const tab = await browser.newPage();
    try {
      await tab.setExtraHTTPHeaders({ "Accept-Language": "fr-FR,fr" });
      if (page.scripts === false) {
        // The page as a reader without JavaScript gets it: none of its scripts load.
        await tab.setRequestInterception(true);
        tab.on("request", (request) =>
          request.resourceType() === "script" ? request.abort() : request.continue(),
        );
      }
      const waitUntil = page.url.includes("?") ? "networkidle0" : "load";
      const response = await tab.goto(page.url, { waitUntil });
      await tab.addScriptTag({ content: axe });
      const result = await tab.evaluate(
        (tags) =>
          axe.run(document, {
            runOnly: { type: "tag", values: tags },
            resultTypes: ["violations"],
          }),
        job.tags,
      );
      results[page.name] = {
        url: page.url,
        status: response ? response.status() : null,
        violations: result.violations,
      };
    } catch (error) {
      console.error(`axe failed on ${page.url}: ${error.stack || error}`);
      failed = true;
    } finally {
      await tab.close();
    }
  }
} finally {
  await browser.disconnect();
  chrome.kill();
}
process.stdout.write(JSON.stringify(results));
process.exit(failed ? 1 : 0);
