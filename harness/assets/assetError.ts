/**
 * The one error type host-asset loading throws: it names the file and says what was
 * expected, so a scenario author can fix the asset without reading this code.
 */
export class AssetError extends Error {
  /** The file that could not be used, as given by the caller. */
  readonly file: string;

  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`${file}: ${problem}`, options);
    this.name = 'AssetError';
    this.file = file;
  }
}
