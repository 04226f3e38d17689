//! Partners: the sector mix, names, survey response, funding, resources and tags.

use super::dice::Dice;
use super::values::{date, ident, month_end, round_to, text};
use super::words::{FUNDING_SOURCES, LOCALITIES, World, name_patterns, sector_resources, sector_tags};
use crate::model::{Funding, NonNegative, Partner, Resource, Sector, SectorGroup, Share, Tag};

/// The sector mix: share of partners in each sector.
const SECTOR_SHARES: [(Sector, f64); 11] = [
    (Sector::Statutory, 0.25),
    (Sector::Health, 0.10),
    (Sector::Education, 0.15),
    (Sector::PoliceJustice, 0.03),
    (Sector::ThirdSector, 0.30),
    (Sector::Community, 0.05),
    (Sector::FamilyVoice, 0.05),
    (Sector::Funder, 0.03),
    (Sector::Academic, 0.02),
    (Sector::Private, 0.015),
    (Sector::Other, 0.005),
];

/// What the generator knows about a partner beyond the document.
#[derive(Clone, Copy)]
pub(super) struct Meta {
    /// The partner's sector.
    pub(super) sector: Sector,
    /// Sector group, 0–3 (statutory, third sector, community, other).
    pub(super) group: usize,
    /// Whether it answered the network survey.
    pub(super) responded: bool,
    /// Its locality, an index into [`LOCALITIES`].
    pub(super) locality: usize,
    /// How many ties it attracts before it has any (preferential attachment).
    pub(super) attraction: u32,
}

impl Meta {
    /// A big provider others depend on.
    pub(super) fn big(&self) -> bool {
        matches!(self.sector, Sector::Statutory | Sector::Health | Sector::PoliceJustice)
    }

    /// A small partner that may depend on a big one.
    pub(super) fn small(&self) -> bool {
        !self.big() && self.sector != Sector::Funder
    }
}

/// How many partners of each sector (in [`SECTOR_SHARES`] order) a partnership of `n` has:
/// the shares by largest remainder, and a `family_voice` partner from 10 partners up.
fn sector_counts(n: usize) -> [usize; 11] {
    let mut counts = [0usize; 11];
    let mut rest: Vec<(f64, usize)> = Vec::with_capacity(11);
    let mut given = 0;
    for (i, (_, share)) in SECTOR_SHARES.iter().enumerate() {
        let exact = share * n as f64;
        counts[i] = exact.floor() as usize;
        given += counts[i];
        rest.push((exact - exact.floor(), i));
    }
    // Largest remainder, ties by sector order.
    rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in rest.iter().take(n.saturating_sub(given)) {
        counts[*i] += 1;
    }
    const FAMILY_VOICE: usize = 6;
    if n >= 10 && counts[FAMILY_VOICE] == 0 {
        let largest = (0..11).max_by_key(|&i| (counts[i], 11 - i)).unwrap_or(4);
        counts[largest] -= 1;
        counts[FAMILY_VOICE] += 1;
    }
    counts
}

/// How many ties a partner of the sector attracts before it has any.
fn attraction(sector: Sector) -> u32 {
    match sector {
        Sector::Statutory | Sector::Health => 4,
        Sector::PoliceJustice => 3,
        Sector::Education | Sector::ThirdSector | Sector::Funder => 2,
        _ => 1,
    }
}

/// The partners, the backbone first, with what the generator knows about each.
pub(super) fn partners(n: usize, world: &World, initiative_name: &str, dice: &mut Dice) -> (Vec<Partner>, Vec<Meta>) {
    let mut counts = sector_counts(n);
    let mut sectors: Vec<Sector> = Vec::with_capacity(n);
    if n > 0 {
        // The backbone comes first: a council-hosted team or a third-sector interface.
        let statutory = counts[0] > 0 && (counts[4] == 0 || dice.chance(0.7));
        let i = if statutory { 0 } else { 4 };
        counts[i] -= 1;
        sectors.push(SECTOR_SHARES[i].0);
    }
    for (i, c) in counts.iter().enumerate() {
        sectors.extend(std::iter::repeat_n(SECTOR_SHARES[i].0, *c));
    }

    let width = n.to_string().len().max(5);
    let mut used = std::collections::BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    let mut meta = Vec::with_capacity(n);
    for (i, &sector) in sectors.iter().enumerate() {
        let locality = dice.below(world.localities);
        let backbone = i == 0;
        let name = if backbone {
            if sector == Sector::Statutory {
                format!("{initiative_name} Partnership Team, {} Council", world.area)
            } else {
                format!("{} Third Sector Interface", world.area)
            }
        } else {
            let patterns = name_patterns(sector);
            let mut name = world.fill(dice.word(patterns), dice, locality);
            // Unique names while the lists allow it; repeats are fine in big documents.
            if n <= 1000 {
                for _ in 0..8 {
                    if !used.contains(&name) {
                        break;
                    }
                    name = world.fill(dice.word(patterns), dice, locality);
                }
                used.insert(name.clone());
            }
            name
        };
        let school = school_tag(sector, &name);
        let mut p = Partner::new(ident(format!("p{:0width$}", i + 1)), text(name));
        p.sector = sector;
        p.responded = backbone || !dice.chance(0.08);
        p.lived_experience = match sector {
            Sector::FamilyVoice => Some(true),
            Sector::Community => Some(dice.chance(0.5)),
            Sector::ThirdSector if dice.chance(0.4) => Some(dice.chance(0.35)),
            Sector::Statutory | Sector::Health if dice.chance(0.3) => Some(false),
            _ => None,
        };
        if dice.chance(0.7) {
            let (lo, hi) = match sector.group() {
                SectorGroup::Statutory => (0.06, 0.22),
                SectorGroup::ThirdSector => (0.10, 0.35),
                SectorGroup::Community => (0.0, 0.30),
                SectorGroup::Other => (0.03, 0.20),
            };
            let t = round_to(lo + (hi - lo) * dice.unit(), 2);
            p.staff_turnover = Some(Share::new(t).expect("a share"));
        }
        p.funding = funding(sector, backbone, world, dice);
        let pool = sector_resources(sector);
        let k = dice.between(1, pool.len().min(4));
        let mut resources: Vec<Resource> = dice.distinct(pool.len(), k).iter().map(|&j| pool[j]).collect();
        if backbone {
            resources.push(Resource::FacilitationLeadership);
            resources.push(Resource::Data);
        }
        resources.sort_unstable();
        resources.dedup();
        p.resources = resources;
        let mut tags = vec![format!("{} locality", LOCALITIES[locality].0)];
        if backbone {
            tags.push("backbone".to_string());
        } else if let Some(tag) = school {
            tags.push(tag.to_string());
        } else if dice.chance(0.6) {
            tags.push(dice.pick(sector_tags(sector)).to_string());
        }
        p.tags = tags.into_iter().map(|t| Tag::new(t).expect("a tag")).collect();
        meta.push(Meta {
            sector,
            group: sector.group() as usize,
            responded: p.responded,
            locality,
            attraction: attraction(sector) + if backbone { 12 } else { 0 },
        });
        out.push(p);
    }
    (out, meta)
}

/// A school's stage, from its name.
fn school_tag(sector: Sector, name: &str) -> Option<&'static str> {
    if sector != Sector::Education {
        None
    } else if name.contains("Primary") {
        Some("primary")
    } else if name.contains("Academy") || name.contains("High School") {
        Some("secondary")
    } else if name.contains("Nursery") || name.contains("Early Learning") {
        Some("early years")
    } else if name.contains("College") {
        Some("further education")
    } else {
        None
    }
}

/// A partner's funding: the backbone's core budget and a few grants.
fn funding(sector: Sector, backbone: bool, world: &World, dice: &mut Dice) -> Vec<Funding> {
    let sources = match sector {
        Sector::ThirdSector if dice.chance(0.75) => dice.between(1, 2),
        Sector::Community | Sector::FamilyVoice if dice.chance(0.4) => 1,
        Sector::Statutory | Sector::Health if backbone || dice.chance(0.15) => 1,
        _ => 0,
    };
    let mut out = Vec::with_capacity(sources + usize::from(backbone));
    if backbone {
        out.push(Funding {
            source: text(format!("{} Council core budget", world.area)),
            amount: Some(NonNegative::new(165_000.0).expect("an amount")),
            ends: None,
        });
    }
    let mut seen: Vec<usize> = Vec::new();
    for _ in 0..sources {
        let j = dice.below(FUNDING_SOURCES.len());
        if seen.contains(&j) {
            continue;
        }
        seen.push(j);
        let amount = match sector {
            Sector::Statutory | Sector::Health => dice.between(40, 240) * 1000,
            Sector::ThirdSector => dice.between(10, 180) * 500,
            _ => dice.between(1, 30) * 500,
        };
        let year = dice.between(2025, 2028) as u16;
        let ends = if dice.chance(0.7) { date(year, 3, 31) } else { month_end(year, dice.between(1, 12) as u8) };
        out.push(Funding {
            source: text(FUNDING_SOURCES[j].replace("{A}", world.area)),
            amount: dice.chance(0.8).then(|| NonNegative::new(amount as f64).expect("an amount")),
            ends: Some(ends),
        });
    }
    out
}

/// Indices of partners by sector (in [`Sector::ALL`] order).
pub(super) fn by_sector(meta: &[Meta]) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); Sector::ALL.len()];
    for (i, m) in meta.iter().enumerate() {
        out[m.sector as usize].push(i as u32);
    }
    out
}
