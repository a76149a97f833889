//! Every colour pair our HTML mail sets meets WCAG AA (4.5:1 for text), in the light
//! styles written inline and in the dark-mode styles of `templates/_head.html`. The maths is
//! public: `tests/gallery.rs` checks every colour pair of every mail as sent with it.

/// The contrast ratio of two `#rgb`/`#rrggbb` colours (WCAG 2.1).
pub fn ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn luminance(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    let h: String = if h.len() == 3 {
        h.chars().flat_map(|c| [c, c]).collect()
    } else {
        h.to_string()
    };
    let c = |i: usize| {
        let v = u8::from_str_radix(&h[i..i + 2], 16).expect("a hex colour") as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * c(0) + 0.7152 * c(2) + 0.0722 * c(4)
}

/// The value of `prop` (e.g. `color`) in a CSS declaration list, if it is a hex colour.
pub fn prop<'a>(css: &'a str, prop: &str) -> Option<&'a str> {
    css.split(';').find_map(|d| {
        let (k, v) = d.split_once(':')?;
        (k.trim() == prop)
            .then(|| v.trim().trim_end_matches("!important").trim())
            .filter(|v| v.starts_with('#'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn templates() -> Vec<(String, String)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut out: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        out.sort();
        out
    }

    const LIGHT_PAGE: &str = "#ffffff";
    const DARK_PAGE: &str = "#1c1c1e";

    #[test]
    fn every_inline_colour_pair_is_aa() {
        let mut checked = 0;
        for (name, t) in templates() {
            for style in t.split("style=\"").skip(1) {
                let css = &style[..style.find('"').unwrap()];
                let Some(fg) = prop(css, "color") else {
                    continue;
                };
                let bg = prop(css, "background")
                    .or_else(|| prop(css, "background-color"))
                    .unwrap_or(LIGHT_PAGE);
                let r = ratio(fg, bg);
                assert!(
                    r >= 4.5,
                    "{name}: {fg} on {bg} is {r:.2}:1 (AA needs 4.5:1): {css}"
                );
                checked += 1;
            }
        }
        assert!(
            checked > 10,
            "only {checked} colours found: is the parsing right?"
        );
    }

    #[test]
    fn every_dark_mode_colour_pair_is_aa() {
        let head = templates()
            .into_iter()
            .find(|(n, _)| n == "_head.html")
            .unwrap()
            .1;
        let dark = &head[head.find("prefers-color-scheme: dark").unwrap()..];
        let mut checked = 0;
        for rule in dark.split('}') {
            let Some((_, css)) = rule.split_once('{') else {
                continue;
            };
            let Some(fg) = prop(css, "color") else {
                continue;
            };
            let bg = prop(css, "background").unwrap_or(DARK_PAGE);
            let r = ratio(fg, bg);
            assert!(r >= 4.5, "dark mode: {fg} on {bg} is {r:.2}:1: {css}");
            checked += 1;
        }
        assert!(checked >= 5, "{checked}");
    }

    #[test]
    fn the_ratio_is_wcags() {
        assert!((ratio("#000", "#fff") - 21.0).abs() < 0.01);
        // The green "+3" of issue 16: 2.96:1 on white.
        assert!((ratio("#2a7", "#fff") - 2.96).abs() < 0.05);
    }
}
