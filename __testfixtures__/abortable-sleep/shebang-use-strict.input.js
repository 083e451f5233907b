#!/usr/bin/env node
"use strict";
const x = require("x");
async function f(signal) { await new Promise((r) => setTimeout(r, 5)); }
