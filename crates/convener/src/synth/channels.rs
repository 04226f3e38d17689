//! Channels and backbone: who is on which channel, and the backbone's functions rated.

use super::dice::Dice;
use super::partners::Meta;
use super::values::{ident, text};
use super::words::{LOCALITIES, World};
use crate::model::{
    Backbone, BackboneFunctions, Channel, ChannelKind, Frequency, Id, Indicator, NonNegative, Rating, Sector,
};

/// Channels beyond the board, the bulletin and the dashboard, in the order they are added:
/// id, name, kind, frequency and the share of partners on each.
const EXTRA_CHANNELS: [(&str, &str, ChannelKind, Frequency, f64); 2] = [
    (
        "practitioner-forum",
        "Whole Family Practitioners' Forum",
        ChannelKind::LearningSession,
        Frequency::Quarterly,
        0.3,
    ),
    ("workspace", "Partnership Teams Workspace", ChannelKind::Digital, Frequency::Weekly, 0.45),
];

/// The communication channels: 3 to 8 of them (board, bulletin, data dashboard, forum,
/// workspace, locality groups), the backbone a member of each.
pub(super) fn channels(
    meta: &[Meta],
    ids: &[Id],
    indicators: &[Indicator],
    world: &World,
    dice: &mut Dice,
) -> Vec<Channel> {
    let n = meta.len();
    if n == 0 {
        return Vec::new();
    }
    let count = if n < 20 {
        3
    } else if n < 60 {
        dice.between(4, 5)
    } else {
        dice.between(5, 8)
    };
    let members = |keep: &mut dyn FnMut(usize) -> bool| -> Vec<Id> {
        (0..n).filter(|&i| i == 0 || keep(i)).map(|i| ids[i].clone()).collect()
    };
    let mut out = Vec::with_capacity(count);
    // The board: the backbone, leaders of the big partners and a few others.
    let board_size = (12 + n / 25).min(25);
    let leaders: Vec<usize> =
        (1..n).filter(|&i| meta[i].big() || meta[i].sector == Sector::Funder || meta[i].group == 1).collect();
    let mut on_board = vec![false; n];
    for j in dice.distinct(leaders.len(), board_size) {
        on_board[leaders[j]] = true;
    }
    if let Some(fv) = (1..n).find(|&i| meta[i].sector == Sector::FamilyVoice) {
        on_board[fv] = true;
    }
    out.push(Channel {
        id: ident("partnership-board"),
        name: text("Partnership Board"),
        kind: ChannelKind::Meeting,
        frequency: Frequency::Monthly,
        members: members(&mut |i| on_board[i]),
    });
    out.push(Channel {
        id: ident("bulletin"),
        name: text(format!("{} Families Bulletin", world.area)),
        kind: ChannelKind::Newsletter,
        frequency: Frequency::Monthly,
        members: members(&mut |_| dice.chance(0.85)),
    });
    let mut reports = vec![false; n];
    for ind in indicators {
        for r in &ind.reporters {
            if let Some(i) = partner_index(r, n) {
                reports[i] = true;
            }
        }
    }
    out.push(Channel {
        id: ident("data-dashboard"),
        name: text("Shared Data Dashboard"),
        kind: ChannelKind::Dashboard,
        frequency: Frequency::Quarterly,
        members: members(&mut |i| reports[i]),
    });
    for (id, name, kind, frequency, p) in EXTRA_CHANNELS.iter().take(count - 3) {
        out.push(Channel {
            id: ident(*id),
            name: text(*name),
            kind: *kind,
            frequency: *frequency,
            members: members(&mut |_| dice.chance(*p)),
        });
    }
    let groups = count.saturating_sub(5).min(world.localities);
    for (l, (loc, _)) in LOCALITIES.iter().enumerate().take(groups) {
        let mut title = loc.to_string();
        title[..1].make_ascii_uppercase();
        out.push(Channel {
            id: ident(format!("{loc}-locality-group")),
            name: text(format!("{title} Locality Group")),
            kind: ChannelKind::Meeting,
            frequency: Frequency::Monthly,
            members: members(&mut |i| meta[i].locality == l && dice.chance(0.7)),
        });
    }
    out
}

/// The index of a generated partner id (`p00042` → 41).
fn partner_index(id: &Id, n: usize) -> Option<usize> {
    let i: usize = id.as_str().strip_prefix('p')?.parse().ok()?;
    (1..=n).contains(&i).then(|| i - 1)
}

/// The backbone: the first partner, its staff and its six functions rated.
pub(super) fn backbone(ids: &[Id], dice: &mut Dice) -> Option<Backbone> {
    let partner = ids.first()?.clone();
    let mut r = |lo: usize, hi: usize| Rating::new(dice.between(lo, hi) as f64).expect("a rating");
    let functions = BackboneFunctions {
        guide_vision_strategy: r(2, 4),
        support_aligned_activities: r(2, 4),
        establish_shared_measurement: r(2, 4),
        build_public_will: r(1, 3),
        advance_policy: r(1, 4),
        mobilize_funding: r(1, 3),
    };
    let fte = 2.0 + 0.5 * dice.between(0, 8) as f64;
    Some(Backbone { partner, staff_fte: Some(NonNegative::new(fte).expect("staff")), functions })
}
