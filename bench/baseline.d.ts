// bench/baseline.js
/** The baseline: split lines, scan every number with one regular expression. Returns how many it found. */
export declare function baselineScan(text: string): number;
