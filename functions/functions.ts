// Placeholder: the MPWR custom functions replace this file. Metadata (functions.json) is
// generated from the JSDoc below by custom-functions-metadata-plugin, which also appends
// the CustomFunctions.associate calls.

/**
 * Returns the version of the MPWR add-in, to check that its functions are loaded.
 * @customfunction
 * @param [detail] If TRUE, also names the add-in.
 * @returns The add-in version.
 */
export function version(detail?: boolean): string {
  return detail ? 'MPWR 0.1.0' : '0.1.0';
}
