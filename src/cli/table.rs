//! Command-line tables: columns as wide as their widest cell (measured as a terminal shows
//! it, so "Zoë" and "李" line up), two spaces apart, the last column unpadded.

use unicode_width::UnicodeWidthStr;

#[derive(Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
    /// Columns aligned to the right (numbers).
    right: Vec<usize>,
}

impl Table {
    pub fn new() -> Table {
        Table::default()
    }

    /// Column `i` is aligned to the right.
    pub fn right(mut self, i: usize) -> Table {
        self.right.push(i);
        self
    }

    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: ToString,
    {
        self.rows
            .push(cells.into_iter().map(|c| c.to_string()).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table, one line per row, each ending in a newline.
    pub fn render(&self) -> String {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..columns)
            .map(|i| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| c.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for r in &self.rows {
            let mut line = String::new();
            for (i, cell) in r.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = " ".repeat(widths[i].saturating_sub(cell.width()));
                if self.right.contains(&i) {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else if i + 1 < r.len() {
                    line.push_str(cell);
                    line.push_str(&pad);
                } else {
                    line.push_str(cell);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    pub fn print(&self) {
        print!("{}", self.render());
    }
}

#[cfg(test)]
mod tests {
    use super::Table;

    #[test]
    fn columns_line_up_whatever_the_letters() {
        let mut t = Table::new().right(0);
        t.row(["1", "zoë@example.org", "Zoë", "member"]);
        t.row(["12", "li@example.org", "李小龍", "coordinator"]);
        t.row(["3", "a@b.c", "-", "guest"]);
        assert_eq!(
            t.render(),
            " 1  zoë@example.org  Zoë     member\n\
             12  li@example.org   李小龍  coordinator\n\
             \x203  a@b.c            -       guest\n"
        );
    }
}
