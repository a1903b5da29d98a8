/** TrueType fonts with Vietnamese glyphs, from the npm package `dejavu-fonts-ttf` (in the lock, nothing from the system). */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const PDF_FONT_FILES = {
  regular: join(FONT_DIR, 'DejaVuSerif.ttf'),
  bold: join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: join(FONT_DIR, 'DejaVuSerif-Italic.ttf'),
  boldItalic: join(FONT_DIR, 'DejaVuSerif-BoldItalic.ttf'),
  /** Narrower face for tables. */
  condensed: join(FONT_DIR, 'DejaVuSerifCondensed.ttf'),
  condensedBold: join(FONT_DIR, 'DejaVuSerifCondensed-Bold.ttf'),
  condensedItalic: join(FONT_DIR, 'DejaVuSerifCondensed-Italic.ttf'),
} as const;

export type PdfFontKey = keyof typeof PDF_FONT_FILES;
