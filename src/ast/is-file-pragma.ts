/**
 * `@ts-check`, `@flow`, `eslint-disable`, `@license`, `/*! kept *\/`, `/// <reference />`: a
 * comment that applies to the whole file and so stays first when an import is added. A shebang
 * reaches the jscodeshift side as a `///usr/bin/env` line comment (see normalizeText).
 */
const FILE_PRAGMA = /^[!/]|@ts-(?:no)?check\b|@flow\b|@jsx|@license\b|@preserve\b|\beslint-disable(?!-)|\bglobal\s|copyright/i;

/** `body` is the comment without its delimiters (`value` of a Babel comment). */
export function isFilePragma(body: string): boolean {
  return FILE_PRAGMA.test(body);
}
