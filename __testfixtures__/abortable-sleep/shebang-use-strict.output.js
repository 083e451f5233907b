#!/usr/bin/env node
"use strict";
const x = require("x");
const { setTimeout: sleep } = require("node:timers/promises");
async function f(signal) { await sleep(5, undefined, { signal }); }
