#!/usr/bin/env node
"use strict";
const { setTimeout: sleep } = require("node:timers/promises");
const x = require("x");
async function f(signal) { await sleep(5, undefined, { signal }); }
