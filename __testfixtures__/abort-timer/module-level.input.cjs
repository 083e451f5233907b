'use strict';

// One deadline for the whole script.
const controller = new AbortController();
const deadline = setTimeout(() => controller.abort(), 60_000);
deadline.unref();

async function main(urls) {
  for (const url of urls) {
    await fetch(url, { signal: controller.signal });
  }
}

main(process.argv.slice(2));
