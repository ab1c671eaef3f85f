// Lighthouse (its default mobile preset) on a list of pages with one Chromium.
//
// node tests/support/lighthouse_pages.mjs JOB.json, where JOB.json holds chromePath,
// chromeFlags, categories, threshold, extraRuns, outDir and pages ([{name, url,
// scripts}]; scripts false: the page's scripts are blocked, as without JavaScript).
// Each page's report is written to outDir/NAME.json; a performance score below the
// threshold is measured extraRuns more times (NAME-1.json, NAME-2.json…). The test
// (tests/quality/test_lighthouse.py) reads the reports. Exit 1 if a run failed.
import fs from "node:fs/promises";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const job = JSON.parse(await fs.readFile(process.argv[2], "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: job.chromePath,
  chromeFlags: job.chromeFlags,
});
let failed = false;
try {
  for (const page of job.pages) {
    for (let run = 0; run <= job.extraRuns; run++) {
      const name = run ? `${page.name}-${run}` : page.name;
      let result;
      try {
        result = await lighthouse(page.url, {
          port: chrome.port,
          output: "json",
          onlyCategories: job.categories,
          disableFullPageScreenshot: true,
          logLevel: "error",
          // scripts false: the page as without JavaScript (its scripts are not loaded)
          ...(page.scripts === false ? { blockedUrlPatterns: ["*.js"] } : {}),
        });
      } catch (error) {
        console.error(`lighthouse failed on ${page.url}: ${error.stack || error}`);
        failed = true;
        break;
      }
      await fs.writeFile(path.join(job.outDir, `${name}.json`), result.report);
      const performance = result.lhr.categories.performance?.score;
      const measuredAgain = performance != null && performance < job.threshold;
      if (run === 0 && (result.lhr.runtimeError || !measuredAgain)) break;
    }
  }
} finally {
  chrome.kill();
}
process.exit(failed ? 1 : 0);
