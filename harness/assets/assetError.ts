/**
 * The one error type host-asset loading throws: it names the file and says what was
 * expected and what was found, so a scenario author can fix the asset without reading
 * this code, and the scenario loader can put the same words at the line declaring it.
 */
export class AssetError extends Error {
  /** The file that could not be used, as given by the caller. */
  readonly file: string;
  readonly expected: string;
  readonly found: string;

  constructor(file: string, expected: string, found: string, options?: { cause?: unknown }) {
    super(`${file}: expected ${expected}, got ${found}`, options);
    this.name = 'AssetError';
    this.file = file;
    this.expected = expected;
    this.found = found;
  }
}
