'use strict';

// One deadline for the whole script.
const signal = AbortSignal.timeout(60_000);

async function main(urls) {
  for (const url of urls) {
    await fetch(url, { signal });
  }
}

main(process.argv.slice(2));
