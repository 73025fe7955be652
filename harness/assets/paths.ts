/** Where the committed host assets live, resolved from this file so any cwd works. */
import { fileURLToPath } from 'node:url';

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const FONT_DIR = at('../../engines/shared/font/');
export const GLYPHS_PATH = at('../../engines/shared/font/glyphs.txt');
export const FONT_JSON_PATH = at('../../engines/shared/font/atlas-6x8.json');
export const FONT_PNG_PATH = at('../../engines/shared/font/atlas-6x8.png');
export const SCENARIO_ASSETS_DIR = at('../../scenarios/assets/');
