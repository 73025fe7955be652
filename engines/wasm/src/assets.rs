//! Port of engines/shared/assets.ts: the resources the host owns and hands in (a bitmap
//! font atlas and decoded RGBA8 images). The engine never loads files; it only checks
//! that what it is given is consistent and within CAPS (engines/shared/protocol.ts).
#![deny(unsafe_code)]

/// CAPS.maxImages.
pub const MAX_IMAGES: usize = 64;
/// CAPS.maxImagePixels.
pub const MAX_IMAGE_PIXELS: u64 = 1024 * 1024;
/// Not in CAPS (the host's font is fixed); a bound so a bad font cannot exhaust memory.
pub const MAX_FONT_COVERAGE_BYTES: u64 = 16 * 1024 * 1024;

/// A monospace bitmap font (`FontAtlas`): glyph `i` is the cell for code `first_code + i`.
#[derive(Debug, PartialEq)]
pub struct FontAtlas {
    pub cell_width: u32,
    pub cell_height: u32,
    pub first_code: u32,
    pub glyph_count: u32,
    /// Glyph drawn for a code outside the atlas.
    pub fallback_index: u32,
    /// glyph_count cells of cell_width * cell_height coverage bytes, row-major.
    pub coverage: Box<[u8]>,
}

impl FontAtlas {
    /// Checks the atlas is self-consistent; the error says what was expected.
    pub fn new(
        cell_width: u32,
        cell_height: u32,
        first_code: u32,
        glyph_count: u32,
        fallback_index: u32,
        coverage: Box<[u8]>,
    ) -> Result<FontAtlas, String> {
        if cell_width == 0 || cell_height == 0 || glyph_count == 0 {
            return Err(format!(
                "bad font: expected non-zero cell size and glyph count, got {}x{} cells, {} glyphs",
                cell_width, cell_height, glyph_count
            ));
        }
        if fallback_index >= glyph_count {
            return Err(format!("bad font: expected fallbackIndex < {}, got {}", glyph_count, fallback_index));
        }
        let expected = u64::from(cell_width) * u64::from(cell_height) * u64::from(glyph_count);
        if expected > MAX_FONT_COVERAGE_BYTES {
            return Err(format!("bad font: {} coverage bytes exceed the bound of {}", expected, MAX_FONT_COVERAGE_BYTES));
        }
        if coverage.len() as u64 != expected {
            return Err(format!("bad font: expected {} coverage bytes, got {}", expected, coverage.len()));
        }
        Ok(FontAtlas { cell_width, cell_height, first_code, glyph_count, fallback_index, coverage })
    }

    /// The coverage cell for glyph `index` (< glyph_count).
    pub fn cell(&self, index: u32) -> &[u8] {
        let size = (self.cell_width * self.cell_height) as usize;
        let start = index as usize * size;
        &self.coverage[start..start + size]
    }
}

/// A decoded RGBA8 image, straight (not premultiplied) alpha (`ImageAsset`).
#[derive(Debug, PartialEq)]
pub struct ImageAsset {
    pub width: u32,
    pub height: u32,
    pub data: Box<[u8]>,
    /// The same pixels as little-endian u32 words (r | g << 8 | b << 16 | a << 24), made
    /// once so that painting reads one word per pixel.
    pub words: Box<[u32]>,
}

impl ImageAsset {
    pub fn new(width: u32, height: u32, data: Box<[u8]>) -> Result<ImageAsset, String> {
        let pixels = u64::from(width) * u64::from(height);
        if pixels > MAX_IMAGE_PIXELS {
            return Err(format!("image too large: {}x{} exceeds {} pixels", width, height, MAX_IMAGE_PIXELS));
        }
        if data.len() as u64 != pixels * 4 {
            return Err(format!("bad image: expected {} RGBA bytes for {}x{}, got {}", pixels * 4, width, height, data.len()));
        }
        let words = data.chunks_exact(4).map(|p| u32::from_le_bytes([p[0], p[1], p[2], p[3]])).collect();
        Ok(ImageAsset { width, height, data, words })
    }
}

/// What the host handed in (`HostAssets`). Images keep declaration order.
#[derive(Default, Debug)]
pub struct Assets {
    pub font: Option<FontAtlas>,
    images: Vec<(Vec<u16>, ImageAsset)>,
}

impl Assets {
    pub fn new() -> Assets {
        Assets { font: None, images: Vec::new() }
    }

    /// Adds an image under `name` (UTF-16); a name given twice replaces the first image in
    /// place, as `Map.set` would.
    pub fn add_image(&mut self, name: Vec<u16>, image: ImageAsset) -> Result<(), String> {
        if let Some(slot) = self.images.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = image;
            return Ok(());
        }
        if self.images.len() >= MAX_IMAGES {
            return Err(format!("too many images: at most {}", MAX_IMAGES));
        }
        self.images.push((name, image));
        Ok(())
    }

    pub fn image(&self, name: &[u16]) -> Option<&ImageAsset> {
        self.images.iter().find(|(n, _)| n.as_slice() == name).map(|(_, image)| image)
    }

    pub fn image_count(&self) -> usize {
        self.images.len()
    }

    pub fn clear_images(&mut self) {
        self.images.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn font_checks_its_coverage_size() {
        let font = FontAtlas::new(2, 3, 32, 2, 1, vec![7; 12].into_boxed_slice()).unwrap();
        assert_eq!(font.cell(1), &[7; 6]);
        let err = FontAtlas::new(2, 3, 32, 2, 1, vec![0; 11].into_boxed_slice()).unwrap_err();
        assert_eq!(err, "bad font: expected 12 coverage bytes, got 11");
        assert!(FontAtlas::new(2, 3, 32, 2, 2, vec![0; 12].into_boxed_slice()).is_err());
        assert!(FontAtlas::new(0, 3, 32, 2, 0, vec![].into_boxed_slice()).is_err());
    }

    #[test]
    fn images_are_checked_against_caps() {
        assert!(ImageAsset::new(2, 2, vec![0; 16].into_boxed_slice()).is_ok());
        assert!(ImageAsset::new(2, 2, vec![0; 15].into_boxed_slice()).is_err());
        assert!(ImageAsset::new(1025, 1024, vec![].into_boxed_slice()).is_err());
    }

    #[test]
    fn images_keep_order_and_replace_by_name() {
        let mut assets = Assets::new();
        let img = |w| ImageAsset::new(w, 1, vec![0; 4 * w as usize].into_boxed_slice()).unwrap();
        assets.add_image(u("a"), img(1)).unwrap();
        assets.add_image(u("b"), img(2)).unwrap();
        assets.add_image(u("a"), img(3)).unwrap();
        assert_eq!(assets.image_count(), 2);
        assert_eq!(assets.image(&u("a")).unwrap().width, 3);
        assert!(assets.image(&u("c")).is_none());
        for i in 2..MAX_IMAGES {
            assets.add_image(u(&i.to_string()), img(1)).unwrap();
        }
        assert!(assets.add_image(u("one too many"), img(1)).is_err());
        assets.clear_images();
        assert_eq!(assets.image_count(), 0);
    }
}
