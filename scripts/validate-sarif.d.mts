/** A function that returns the schema errors of a log, or an empty list. */
export function getSarifValidator(): (log: unknown) => string[];
