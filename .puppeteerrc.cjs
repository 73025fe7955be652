/**
 * puppeteer configuration: never download a browser. The browser tests and the report
 * benchmark drive Debian's Chromium (/usr/bin/chromium, installed by scripts/setup.mjs).
 */
module.exports = { skipDownload: true };
