//! Pictures for the HTML report, drawn as inline SVG: the partner network (a
//! deterministic force-directed layout) and run charts. Every picture has a title and a
//! description, and the report puts a table with the same numbers next to it.

use std::fmt::Write;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::escape::html as esc;
use crate::measure::{Phase, Point};
use crate::model::{Initiative, SectorGroup};
use crate::network::{EdgeRule, NetworkReport, PartnerGraph};
use crate::util::text::{or_missing, words};

/// The largest network drawn; above it the report shows the tables only.
pub const MAX_DRAWN_PARTNERS: usize = 400;

/// Colours of the four sector groups: the Okabe–Ito palette, darkened where needed for a
/// 3:1 contrast against white (WCAG 2.1, 1.4.11).
pub const GROUP_COLOURS: [(SectorGroup, &str, &str); 4] = [
    (SectorGroup::Statutory, "#0072B2", "public services"),
    (SectorGroup::ThirdSector, "#B35900", "third sector"),
    (SectorGroup::Community, "#007A5E", "communities and families"),
    (SectorGroup::Other, "#6B6B6B", "others"),
];

fn colour(g: SectorGroup) -> &'static str {
    GROUP_COLOURS.iter().find(|c| c.0 == g).map_or("#6B6B6B", |c| c.1)
}

/// Positions in the unit square for `n` nodes and undirected `edges`, by the
/// Fruchterman–Reingold algorithm (1991) from positions drawn with a fixed seed, with a
/// fixed number of steps and a cooling schedule: the same graph gives the same picture on
/// every machine.
///
/// # Complexity
/// O(steps · (n² + m)).
pub fn layout(n: usize, edges: &[(u32, u32)]) -> Vec<(f64, f64)> {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut pos: Vec<(f64, f64)> = (0..n).map(|_| (rng.random::<f64>(), rng.random::<f64>())).collect();
    if n <= 1 {
        return vec![(0.5, 0.5); n];
    }
    let k = libm::sqrt(1.0 / n as f64);
    let steps = 200;
    let mut temperature = 0.1;
    let cool = temperature / steps as f64;
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for _ in 0..steps {
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let dx = pos[i].0 - pos[j].0;
                let dy = pos[i].1 - pos[j].1;
                let d2 = (dx * dx + dy * dy).max(1e-9);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b) in edges {
            let (a, b) = (a as usize, b as usize);
            let dx = pos[a].0 - pos[b].0;
            let dy = pos[a].1 - pos[b].1;
            let d = libm::sqrt(dx * dx + dy * dy).max(1e-9);
            let f = d / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            // A gentle pull to the centre keeps separate components on the page.
            disp[i].0 += (0.5 - pos[i].0) * k * 2.0;
            disp[i].1 += (0.5 - pos[i].1) * k * 2.0;
            let (dx, dy) = disp[i];
            let d = libm::sqrt(dx * dx + dy * dy).max(1e-9);
            let step = d.min(temperature);
            pos[i].0 += dx / d * step;
            pos[i].1 += dy / d * step;
        }
        temperature -= cool;
    }
    // Fit to the unit square.
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &pos {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let (w, h) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    pos.iter().map(|&(x, y)| ((x - x0) / w, (y - y0) / h)).collect()
}

/// Where to draw each partner, and the connections to draw: the layout behind the
/// network picture, for any renderer (the HTML report, the browser tool).
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct Drawing {
    /// Width of the drawing area.
    pub width: f64,
    /// Height of the drawing area.
    pub height: f64,
    /// Each partner's position, in document order.
    pub positions: Vec<(f64, f64)>,
    /// Connections as pairs of partner indices (document order), a < b.
    pub connections: Vec<(u32, u32)>,
}

/// The layout of the partner network: connected partners by [`layout`] in the upper
/// area, isolated ones in a row below, so they neither crowd nor stretch the picture.
/// `None` when there are no partners or more than [`MAX_DRAWN_PARTNERS`].
///
/// # Example
/// ```
/// use convener::{Initiative, Options};
/// let doc = Initiative::from_json(r#"{"format": "convener/1", "initiative": {"id": "x", "name": "X"},
///   "partners": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
///   "ties": [{"from": "a", "to": "b", "level": "collaborate"}]}"#).unwrap();
/// let d = convener::render::svg::drawing(&doc, &convener::network::analyze(&doc, &Options::default())).unwrap();
/// assert_eq!(d.connections, vec![(0, 1)]);
/// assert_eq!(d.positions[2].1, d.height - 22.0); // c is isolated: in the row below
/// ```
pub fn drawing(doc: &Initiative, report: &NetworkReport) -> Option<Drawing> {
    let n = doc.partners.len();
    if n == 0 || n > MAX_DRAWN_PARTNERS {
        return None;
    }
    let g = PartnerGraph::new(doc, &EdgeRule { min_level: report.min_level, kinds: report.tie_kinds.clone() });
    let connected: Vec<usize> = (0..n).filter(|&v| g.csr().degree(v) > 0).collect();
    let isolated: Vec<usize> = (0..n).filter(|&v| g.csr().degree(v) == 0).collect();
    let mut local = vec![u32::MAX; n];
    for (i, &v) in connected.iter().enumerate() {
        local[v] = i as u32;
    }
    let sub: Vec<(u32, u32)> =
        g.undirected_edges().iter().map(|&(a, b)| (local[a as usize], local[b as usize])).collect();
    let inner = layout(connected.len(), &sub);
    let (w, pad) = (760.0, 40.0);
    let strip = if isolated.is_empty() { 0.0 } else { 50.0 };
    let h = 520.0 + strip;
    let mut xy = vec![(0.0, 0.0); n];
    for (i, &v) in connected.iter().enumerate() {
        xy[v] = (pad + inner[i].0 * (w - 2.0 * pad), pad + inner[i].1 * (h - strip - 2.0 * pad));
    }
    for (k, &v) in isolated.iter().enumerate() {
        let step = (w - 2.0 * pad) / isolated.len().max(1) as f64;
        xy[v] = (pad + step * (k as f64 + 0.5), h - 22.0);
    }
    Some(Drawing { width: w, height: h, positions: xy, connections: g.undirected_edges().to_vec() })
}

/// The partner network as SVG: nodes coloured by sector group, sized by betweenness,
/// articulation points ringed, the backbone marked with a square; connections as lines.
/// `None` when the network is too large to draw.
pub fn network(doc: &Initiative, report: &NetworkReport) -> Option<String> {
    let n = doc.partners.len();
    let d = drawing(doc, report)?;
    let (w, h) = (d.width, d.height);
    let xy = &d.positions;
    let at = |i: usize| xy[i];
    let backbone = doc.backbone.as_ref().and_then(|b| doc.partners.iter().position(|p| p.id == b.partner));
    let max_b = report.partners.iter().filter_map(|p| p.betweenness).fold(0.0f64, f64::max);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="network" viewBox="0 0 {w} {h}" role="img" aria-labelledby="network-title network-desc" xmlns="http://www.w3.org/2000/svg">"#
    );
    let _ = write!(
        s,
        r#"<title id="network-title">The partner network</title><desc id="network-desc">{} partners as circles coloured by sector group and sized by betweenness, joined by {} connections at {} or above. The table after the picture lists every partner's measures.</desc>"#,
        n,
        d.connections.len(),
        report.min_level
    );
    s.push_str(r##"<g stroke="#9AA0A6" stroke-width="1" stroke-opacity="0.7">"##);
    for &(a, b) in &d.connections {
        let (x1, y1) = at(a as usize);
        let (x2, y2) = at(b as usize);
        let _ = write!(s, r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"/>"#);
    }
    s.push_str("</g><g>");
    for (i, p) in doc.partners.iter().enumerate() {
        let m = &report.partners[i];
        let (x, y) = at(i);
        let r = 5.0 + if max_b > 0.0 { 11.0 * m.betweenness.unwrap_or(0.0) / max_b } else { 0.0 };
        let fill = colour(p.sector.group());
        let label = format!(
            "{} ({}): degree {}, betweenness {}",
            p.name,
            words(p.sector.as_str()),
            or_missing(m.degree),
            m.betweenness.map(|b| format!("{b:.3}")).unwrap_or_else(|| "–".into())
        );
        let _ = write!(s, r#"<g class="partner" data-partner="{}"><title>{}</title>"#, esc(p.id.as_str()), esc(&label));
        if Some(i) == backbone {
            let _ = write!(
                s,
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="#1A1A1A" stroke-width="2"/>"##,
                x - r,
                y - r,
                2.0 * r,
                2.0 * r
            );
        } else {
            let _ = write!(
                s,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{fill}" stroke="#FFFFFF" stroke-width="1"/>"##
            );
        }
        if m.articulation_point == Some(true) {
            let _ = write!(
                s,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="none" stroke="#1A1A1A" stroke-width="2" stroke-dasharray="3 2"/>"##,
                r + 4.0
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</g>");
    // Names of the partners that hold the network together, and of the backbone.
    let mut ranked: Vec<usize> = (0..n).filter(|&i| report.partners[i].betweenness.unwrap_or(0.0) > 0.0).collect();
    ranked.sort_by(|&a, &b| {
        report.partners[b]
            .betweenness
            .unwrap_or(0.0)
            .total_cmp(&report.partners[a].betweenness.unwrap_or(0.0))
            .then(a.cmp(&b))
    });
    ranked.truncate(6);
    if let Some(b) = backbone {
        if !ranked.contains(&b) {
            ranked.push(b);
        }
    }
    s.push_str(r##"<g font-size="12" fill="#1A1A1A" stroke="#FFFFFF" stroke-width="3" paint-order="stroke" aria-hidden="true">"##);
    // Greedy placement: above the node, else below, else left out — never overlapping.
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for i in ranked {
        let (x, y) = at(i);
        let full = doc.partners[i].name.as_str();
        let name: String = if full.chars().count() > 26 {
            format!("{}…", full.chars().take(25).collect::<String>())
        } else {
            full.to_string()
        };
        let half = name.chars().count() as f64 * 3.4;
        for ty in [y - 18.0, y + 28.0] {
            let bx = ((x - half).max(2.0), ty - 11.0, (x + half).min(w - 2.0), ty + 3.0);
            if placed.iter().any(|p| bx.0 < p.2 && p.0 < bx.2 && bx.1 < p.3 && p.1 < bx.3) {
                continue;
            }
            placed.push(bx);
            let _ = write!(
                s,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x.clamp(half, w - half),
                ty,
                esc(&name)
            );
            break;
        }
    }
    s.push_str("</g></svg>");
    Some(s)
}

/// The legend of the network picture, as HTML.
pub fn network_legend() -> String {
    let mut s = String::from(r#"<ul class="legend">"#);
    for (_, c, name) in GROUP_COLOURS {
        let _ = write!(
            s,
            r#"<li><svg width="14" height="14" aria-hidden="true" focusable="false"><circle cx="7" cy="7" r="6" fill="{c}"/></svg> {name}</li>"#
        );
    }
    s.push_str(r##"<li><svg width="14" height="14" aria-hidden="true" focusable="false"><rect x="1" y="1" width="12" height="12" fill="#6B6B6B" stroke="#1A1A1A" stroke-width="2"/></svg> the backbone</li>"##);
    s.push_str(r##"<li><svg width="18" height="18" aria-hidden="true" focusable="false"><circle cx="9" cy="9" r="7" fill="none" stroke="#1A1A1A" stroke-width="2" stroke-dasharray="3 2"/></svg> articulation point: the only link between parts of the network</li>"##);
    s.push_str("<li>larger: more shortest paths between others run through the partner (betweenness)</li></ul>");
    s
}

/// A run chart as SVG: the points joined in time order, the centre line of each phase,
/// the target as a dashed line, and the points of a long run (a signal) drawn as filled
/// diamonds. `id` makes the title and description ids unique in the page.
pub fn run_chart(id: &str, title: &str, points: &[Point], phases: &[Phase], target: Option<f64>) -> Option<String> {
    let shown: Vec<(usize, f64)> = points.iter().enumerate().filter_map(|(i, p)| p.value.map(|v| (i, v))).collect();
    if shown.is_empty() {
        return None;
    }
    let (w, h) = (640.0, 240.0);
    let (left, right, top, bottom) = (56.0, 16.0, 16.0, 36.0);
    let mut lo = shown.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let mut hi = shown.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    for v in phases.iter().filter_map(|p| p.runs.centre).chain(target) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo < 1e-9 {
        hi += 1.0;
        lo -= 1.0;
    }
    let span = hi - lo;
    let (lo, hi) = (lo - span * 0.08, hi + span * 0.08);
    let n = points.len().max(2);
    let x = |i: usize| left + (w - left - right) * i as f64 / (n - 1) as f64;
    let y = |v: f64| top + (h - top - bottom) * (1.0 - (v - lo) / (hi - lo));
    let mut s = String::new();
    let signal = phases.iter().any(|p| p.runs.runs_signal || p.runs.shift || p.runs.trend);
    let _ = write!(
        s,
        r#"<svg class="run-chart" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">Run chart: {}</title><desc id="{id}-desc">{} points from {} to {}; {}. The table after the chart gives every value.</desc>"#,
        esc(title),
        shown.len(),
        points.first().map(|p| p.period.to_string()).unwrap_or_default(),
        points.last().map(|p| p.period.to_string()).unwrap_or_default(),
        if signal { "a signal of non-random variation is marked" } else { "no signal of non-random variation" }
    );
    // Axes and labels.
    let _ = write!(
        s,
        r##"<g font-size="12" fill="#1A1A1A"><line x1="{left}" y1="{}" x2="{}" y2="{}" stroke="#595959"/><line x1="{left}" y1="{top}" x2="{left}" y2="{}" stroke="#595959"/>"##,
        h - bottom,
        w - right,
        h - bottom,
        h - bottom
    );
    for v in [lo + (hi - lo) * 0.1, (lo + hi) / 2.0, hi - (hi - lo) * 0.1] {
        let _ =
            write!(s, r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#, left - 6.0, y(v) + 4.0, short_number(v));
    }
    let _ = write!(
        s,
        r#"<text x="{left}" y="{}">{}</text><text x="{}" y="{}" text-anchor="end">{}</text></g>"#,
        h - 10.0,
        points.first().map(|p| p.period.to_string()).unwrap_or_default(),
        w - right,
        h - 10.0,
        points.last().map(|p| p.period.to_string()).unwrap_or_default()
    );
    // Centre line per phase.
    let mut start = 0;
    for ph in phases {
        let len = ph.runs.n as usize;
        if let Some(c) = ph.runs.centre {
            let _ = write!(
                s,
                r##"<line class="centre" x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#1A1A1A" stroke-width="1.5"/>"##,
                x(start),
                y(c),
                x(start + len.saturating_sub(1)),
                y(c)
            );
        }
        start += len;
    }
    if let Some(t) = target {
        let _ = write!(
            s,
            r##"<line class="target" x1="{left}" y1="{:.1}" x2="{}" y2="{:.1}" stroke="#007A5E" stroke-width="1.5" stroke-dasharray="6 4"/>"##,
            y(t),
            w - right,
            y(t)
        );
    }
    // The data line.
    let path: Vec<String> = shown.iter().map(|&(i, v)| format!("{:.1},{:.1}", x(i), y(v))).collect();
    let _ = write!(s, r##"<polyline fill="none" stroke="#0072B2" stroke-width="2" points="{}"/>"##, path.join(" "));
    // Points: a diamond where the point belongs to the longest run of a signalling phase.
    let mut offset = 0;
    for ph in phases {
        let len = ph.runs.n as usize;
        let flagged = ph.runs.runs_signal || ph.runs.shift;
        let in_run = if flagged { longest_run_indices(points, offset, len, ph.runs.centre) } else { vec![] };
        for (i, point) in points.iter().enumerate().skip(offset).take(len) {
            let Some(v) = point.value else { continue };
            let (px, py) = (x(i), y(v));
            if in_run.contains(&i) {
                let _ = write!(
                    s,
                    r##"<path class="signal" d="M{:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="#B35900"/>"##,
                    px,
                    py - 6.0,
                    px + 6.0,
                    py,
                    px,
                    py + 6.0,
                    px - 6.0,
                    py
                );
            } else {
                let _ = write!(s, r##"<circle cx="{px:.1}" cy="{py:.1}" r="3.5" fill="#0072B2"/>"##);
            }
        }
        offset += len;
    }
    s.push_str("</svg>");
    Some(s)
}

/// Indices of the points in the longest run on one side of the centre within a phase.
fn longest_run_indices(points: &[Point], offset: usize, len: usize, centre: Option<f64>) -> Vec<usize> {
    let Some(c) = centre else { return vec![] };
    let mut best: Vec<usize> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut side = 0i8;
    for (i, point) in points.iter().enumerate().skip(offset).take(len) {
        let Some(v) = point.value else { continue };
        let s = if v > c {
            1
        } else if v < c {
            -1
        } else {
            continue;
        };
        if s != side {
            current.clear();
            side = s;
        }
        current.push(i);
        if current.len() > best.len() {
            best = current.clone();
        }
    }
    best
}

fn short_number(v: f64) -> String {
    let a = v.abs();
    if a >= 100_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_deterministic_and_in_the_square() {
        let edges = [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5)];
        let a = layout(7, &edges);
        assert_eq!(a, layout(7, &edges));
        assert!(a.iter().all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
        assert_eq!(layout(1, &[]), vec![(0.5, 0.5)]);
    }
}
