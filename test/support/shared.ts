/**
 * A value several tests of a suite read (a release read, an analysis, a plan), made when a test
 * first asks for it and kept for the others.
 *
 * Under mutation testing (`npm run mutate` sets MPWR_MUTATION) it is made again in each test that
 * asks for it. Stryker's per-test coverage counts only code run inside a test: code run when a
 * suite loads, in `beforeAll`, or once in an earlier test and then kept, is counted for no test.
 * A mutant reached only there would be skipped as static (and not scored), and a mutant also
 * reached by another test would be run against that test alone: the tests asserting on a kept
 * value would never meet it.
 */
export function shared<T>(make: () => T): () => T {
  let made: { value: T; test: string | undefined } | undefined;
  return () => {
    // (Outside jest, as in the fuzz test's worker threads, there is no test to tell apart.)
    const test = process.env.MPWR_MUTATION && typeof expect !== 'undefined' ? expect.getState().currentTestName ?? '' : undefined;
    if (!made || made.test !== test) made = { value: make(), test };
    return made.value;
  };
}

/**
 * `beforeAll`, or under mutation testing `beforeEach`, for a suite's shared setup: a mutation run
 * then counts what the setup runs for each test that uses it (see `shared`).
 */
export const beforeShared: typeof beforeAll = (fn, timeout) =>
  (process.env.MPWR_MUTATION ? beforeEach : beforeAll)(fn, timeout);
