#!/usr/bin/env node
// hi
await new Promise((r) => setTimeout(r, 5));
