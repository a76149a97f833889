//! Small charts for mail: horizontal bars with their labels and values, drawn by tiny-skia
//! with DejaVu Sans (compiled in; `assets/fonts/LICENSE-DejaVu.txt`) and sent as an inline
//! PNG beside a text alternative that says the same. Readable on a phone: 400 px wide at most
//! (a phone shows it nearly at its size, not shrunk), each label on its own line above its bar
//! (nothing cut short), drawn at twice the density so that it stays sharp on high-resolution
//! screens. In dark mode `templates/_head.html` inverts it (class `rt-chart`).

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use anyhow::{Context as _, Result};
use tiny_skia::{Color, Paint, Pixmap, Rect, Transform};

static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The width it is shown at (CSS pixels); `templates/digest.html` says the same.
pub const WIDTH: u32 = 400;
/// Pixels drawn per CSS pixel.
const DENSITY: f32 = 2.0;
const ROW: u32 = 52;
const TOP: u32 = 36;
const LEFT: f32 = 4.0;
const LABEL_SIZE: f32 = 15.0;
const TEXT: [u8; 3] = [0x22, 0x22, 0x22];
const MUTED: [u8; 3] = [0x59, 0x59, 0x59];

/// One bar: what it is and how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub value: u32,
}

/// A chart ready for a mail: the PNG, its Content-ID and the words that say the same.
#[derive(Clone, Debug)]
pub struct Chart {
    pub cid: String,
    pub png: Vec<u8>,
    pub alt: String,
}

/// `title` over one horizontal bar per item; `None` when there is nothing to draw.
pub fn bars(cid: &str, title: &str, items: &[Bar]) -> Result<Option<Chart>> {
    if items.is_empty() {
        return Ok(None);
    }
    let font = FontRef::try_from_slice(FONT).context("the chart font")?;
    let height = TOP + ROW * items.len() as u32 + 4;
    let d = DENSITY;
    let mut pix = Pixmap::new((WIDTH as f32 * d) as u32, (height as f32 * d) as u32)
        .context("a chart's canvas")?;
    pix.fill(Color::WHITE);
    text(&mut pix, &font, title, LEFT * d, 22.0 * d, 17.0 * d, TEXT);
    let max = items.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f32;
    let room = WIDTH as f32 - LEFT - 44.0;
    let mut paint = Paint::default();
    paint.set_color_rgba8(0x1a, 0x5f, 0xb4, 0xff);
    for (i, b) in items.iter().enumerate() {
        let y = (TOP + ROW * i as u32) as f32;
        let label = fit(&font, &b.label, WIDTH as f32 - 2.0 * LEFT);
        text(
            &mut pix,
            &font,
            &label,
            LEFT * d,
            (y + 16.0) * d,
            LABEL_SIZE * d,
            MUTED,
        );
        let w = (b.value as f32 / max * room).max(if b.value > 0 { 3.0 } else { 0.0 });
        if w > 0.0 {
            let r = Rect::from_xywh(LEFT * d, (y + 24.0) * d, w * d, 18.0 * d).context("a bar")?;
            pix.fill_rect(r, &paint, Transform::identity(), None);
        }
        text(
            &mut pix,
            &font,
            &b.value.to_string(),
            (LEFT + w + 8.0) * d,
            (y + 39.0) * d,
            LABEL_SIZE * d,
            TEXT,
        );
    }
    let alt = format!(
        "{title}: {}",
        items
            .iter()
            .map(|b| format!("{} ({})", b.label, b.value))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(Some(Chart {
        cid: format!("{cid}@roundtable"),
        png: pix.encode_png().context("encoding a chart")?,
        alt,
    }))
}

/// `s` cut with "…" to fit `width` pixels at the label size.
fn fit(font: &FontRef<'_>, s: &str, width: f32) -> String {
    if advance(font, s, LABEL_SIZE) <= width {
        return s.to_string();
    }
    let mut out: String = s.to_string();
    while !out.is_empty() && advance(font, &format!("{out}…"), LABEL_SIZE) > width {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

fn advance(font: &FontRef<'_>, s: &str, size: f32) -> f32 {
    let f = font.as_scaled(PxScale::from(size));
    s.chars().map(|c| f.h_advance(font.glyph_id(c))).sum()
}

/// Draws `s` with its baseline at (x, y), blending each glyph's coverage over the pixels.
fn text(pix: &mut Pixmap, font: &FontRef<'_>, s: &str, x: f32, y: f32, size: f32, rgb: [u8; 3]) {
    let scale = PxScale::from(size);
    let scaled = font.as_scaled(scale);
    let (w, h) = (pix.width() as i32, pix.height() as i32);
    let mut pen = x;
    let mut previous = None;
    for c in s.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            pen += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, y));
        pen += scaled.h_advance(id);
        previous = Some(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        let pixels = pix.pixels_mut();
        outline.draw(|gx, gy, coverage| {
            let (px, py) = (
                bounds.min.x as i32 + gx as i32,
                bounds.min.y as i32 + gy as i32,
            );
            if px < 0 || py < 0 || px >= w || py >= h {
                return;
            }
            let p = &mut pixels[(py * w + px) as usize];
            let a = coverage.clamp(0.0, 1.0);
            // Over an opaque background: mix the colour in by coverage.
            let mix = |bg: u8, fg: u8| (bg as f32 * (1.0 - a) + fg as f32 * a).round() as u8;
            *p = tiny_skia::PremultipliedColorU8::from_rgba(
                mix(p.red(), rgb[0]),
                mix(p.green(), rgb[1]),
                mix(p.blue(), rgb[2]),
                255,
            )
            .expect("opaque colours are premultiplied as they are");
        });
    }
}

#[cfg(test)]
mod tests {
    use super::{bars, Bar};

    #[test]
    fn a_small_png_and_words_that_say_the_same() {
        let items = vec![
            Bar {
                label: "6 Oct".into(),
                value: 5,
            },
            Bar {
                label: "3 Nov, a label much too long to fit beside its bar".into(),
                value: 8,
            },
            Bar {
                label: "1 Dec".into(),
                value: 0,
            },
        ];
        let c = bars("attendance", "Who came", &items).unwrap().unwrap();
        assert!(c.png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(c.png.len() < 40_000, "{} bytes", c.png.len());
        assert_eq!(
            c.alt,
            "Who came: 6 Oct (5), 3 Nov, a label much too long to fit beside its bar (8), 1 Dec (0)"
        );
        assert_eq!(c.cid, "attendance@roundtable");
        // Something was drawn: not every pixel is white.
        let img = tiny_skia::Pixmap::decode_png(&c.png).unwrap();
        let dark = img.pixels().iter().filter(|p| p.red() < 128).count();
        assert!(dark > 500, "{dark} dark pixels");
        assert!(bars("x", "Nothing", &[]).unwrap().is_none());
    }
}
