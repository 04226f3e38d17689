//! Seeded generator of realistic initiatives of any size.
