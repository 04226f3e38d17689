//! Small constructors of model values the generator cannot get wrong, and decimal rounding.

use crate::model::{Date, Id, Period, Rating, Text};

/// `x` rounded to `decimals` (0 to 3) decimal places, never −0.
pub(super) fn round_to(x: f64, decimals: i32) -> f64 {
    let scale = [1.0, 10.0, 100.0, 1000.0][decimals as usize];
    // + 0.0 turns −0 into 0, as the loader reads it.
    (x * scale).round() / scale + 0.0
}

/// A generated text (never empty).
pub(super) fn text(s: impl Into<String>) -> Text {
    Text::new(s).expect("generated text is never empty")
}

/// A generated id (always valid).
pub(super) fn ident(s: impl Into<String>) -> Id {
    Id::new(s).expect("generated ids are valid")
}

/// A rating: `x` rounded and held to 1–4.
pub(super) fn rating(x: f64) -> Rating {
    Rating::new(x.round().clamp(1.0, 4.0)).expect("a rating from 1 to 4")
}

/// A date the generator knows to be real.
pub(super) fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("a real date")
}

/// The last day of a month.
pub(super) fn month_end(y: u16, m: u8) -> Date {
    Period::Month(y, m).last_day()
}
