//! Word lists and name patterns, and the imaginary place ([`World`]) that fills them in.

use super::dice::Dice;
use crate::model::{Resource, Sector};

/// The imaginary Scottish council areas an initiative is set in.
pub(super) const AREAS: &[&str] =
    &["Strathmorven", "Glenarrow", "Ardmuir", "Invercraig", "Dunbrae", "Lochmorran", "Kilbrannan", "Corriebeag"];

/// Names of the initiative; `{A}` is the council area.
pub(super) const INITIATIVE_NAMES: &[&str] = &[
    "Families Together {A}",
    "{A} Whole Family Support Partnership",
    "Growing Up Well in {A}",
    "Thriving Families {A}",
    "{A} Keeping the Promise Partnership",
];

/// The localities of the area (a tag such as `north locality`) with the places in each.
pub(super) const LOCALITIES: &[(&str, &[&str])] = &[
    ("north", &["Northfield", "Carnlochan", "Hillhead", "Kirkton", "Braehead", "Balmore", "Craigend", "Fernhill"]),
    ("south", &["Southgate", "Pitmorran", "Millbrae", "Burnside", "Mossend", "Thornlie", "Larchfield", "Dalmuir"]),
    ("east", &["Eastbank", "Eastbrae", "Ashgrove", "Rosebank", "Oakbank", "Heathfield", "Kingsmead", "Glenview"]),
    ("west", &["Westmuir", "Riverside", "Lochside", "Woodside", "Parkhead", "Stonefield", "Whitecraigs", "Bankhead"]),
    (
        "central",
        &["Townhead", "Castlehill", "Abbeyhill", "Bridgend", "Kirkgate", "Cowgate", "Gallowhill", "Nethertown"],
    ),
];

/// Surnames for trusts, foundations and businesses (`{S}`).
pub(super) const SURNAMES: &[&str] =
    &["Robertson", "Morven", "Macleod", "Drummond", "Fraser", "Lennox", "Baird", "Sinclair", "Munro", "Cameron"];

/// Saints for denominational schools (`{T}`).
pub(super) const SAINTS: &[&str] = &["Mary", "Andrew", "Columba", "Ninian", "Margaret", "Bride", "Kentigern", "Joseph"];

/// Names of charities (`{C}`).
pub(super) const CHARITY_NAMES: &[&str] = &[
    "Brightwell Families",
    "Safe Harbour",
    "Open Door",
    "Stepping Stones",
    "Wee Steps",
    "Fresh Start",
    "Hearth and Home",
    "Second Chances",
    "Hand in Hand",
    "Lighthouse",
];

/// Name patterns by sector: `{P}` a place, `{A}` the council area, `{S}` a surname,
/// `{T}` a saint, `{C}` a charity name. The last row is for any sector not listed.
const NAME_PATTERNS: &[(Sector, &[&str])] = &[
    (
        Sector::Statutory,
        &[
            "{A} Council Children's Services",
            "{P} Social Work Team",
            "{P} Housing Office",
            "{A} Council Welfare Rights Team",
            "{P} Community Learning and Development Team",
            "{P} Youth Work Service",
            "{A} Council Educational Psychology Service",
            "{P} Early Years Team",
            "{A} Council Employability Service",
            "{P} Family Support Team",
            "{A} Health and Social Care Partnership",
            "{P} Library Service",
        ],
    ),
    (
        Sector::Health,
        &[
            "{P} Health Visiting Team",
            "{P} Medical Practice",
            "{P} Community Mental Health Team",
            "CAMHS {P}",
            "{P} School Nursing Service",
            "{A} Family Nurse Partnership",
            "{P} Health Centre",
            "{A} Perinatal Mental Health Service",
            "{P} Alcohol and Drug Recovery Service",
            "{P} Community Paediatrics",
        ],
    ),
    (
        Sector::Education,
        &[
            "{P} Primary School",
            "{P} Academy",
            "{P} High School",
            "{P} Nursery",
            "{P} Early Learning and Childcare Centre",
            "{P} Primary School and Nursery",
            "{A} College, {P} Campus",
            "St {T}'s Primary School",
            "St {T}'s High School",
        ],
    ),
    (
        Sector::PoliceJustice,
        &[
            "Police Scotland {P} Community Policing Team",
            "{A} Youth Justice Service",
            "Children's Reporter, {A}",
            "{A} Community Justice Partnership",
            "{P} Community Safety Team",
        ],
    ),
    (
        Sector::ThirdSector,
        &[
            "{P} Family Hub",
            "{P} Housing Association",
            "{P} Women's Aid",
            "{P} Citizens Advice Bureau",
            "{P} Youth Trust",
            "{P} Community Larder",
            "{P} Family Centre",
            "{P} Carers Centre",
            "Home-Start {P}",
            "{P} Parenting Project",
            "{P} Money Advice Project",
            "{P} Befriending Service",
            "{P} Recovery Café",
            "{C}",
            "{C} {P}",
            "{P} Play Association",
            "{P} Counselling Service",
            "{P} Kinship Care Project",
        ],
    ),
    (
        Sector::Community,
        &[
            "{P} Residents' Association",
            "{P} Community Council",
            "{P} Tenants' Association",
            "{P} Parish Church",
            "{P} Community Garden",
            "{P} Men's Shed",
            "{P} Parent and Toddler Group",
            "{P} Community Association",
            "{P} Food Co-op",
        ],
    ),
    (
        Sector::FamilyVoice,
        &[
            "{P} Parent Voice",
            "{P} Youth Forum",
            "{A} Kinship Carers Network",
            "{P} Care Experienced Young People's Group",
            "{P} Dads' Group",
            "{A} Parents' Council",
            "{P} Young Carers Group",
            "{A} Family Champions",
        ],
    ),
    (Sector::Funder, &["The {S} Children's Fund", "{A} Community Foundation", "The {S} Trust", "The {S} Foundation"]),
    (
        Sector::Academic,
        &[
            "University of {A}, School of Social Work",
            "{A} Centre for Family Research",
            "University of {A} Child Health Research Group",
        ],
    ),
    (
        Sector::Private,
        &[
            "{P} Employers' Network",
            "{S} Building Services",
            "{P} Bus Company",
            "{A} Energy Advice Ltd",
            "{P} Pharmacy",
        ],
    ),
    (Sector::Other, &["{P} Community Radio", "{A} Leisure Trust", "Friends of {P} Library", "{A} Sports Trust"]),
];

/// Tags a partner of the sector may carry. The last row is for any sector not listed.
const SECTOR_TAGS: &[(Sector, &[&str])] = &[
    (Sector::Statutory, &["council", "early help", "child protection", "housing", "income maximisation"]),
    (Sector::Health, &["health board", "early years", "mental health", "primary care"]),
    (Sector::Education, &["attendance"]),
    (Sector::PoliceJustice, &["community safety", "youth justice"]),
    (Sector::ThirdSector, &["family support", "money advice", "domestic abuse", "youth work", "food insecurity"]),
    (Sector::Community, &["volunteers", "faith group", "residents"]),
    (Sector::FamilyVoice, &["lived experience", "young people", "parents"]),
    (Sector::Funder, &["grant maker"]),
    (Sector::Academic, &["evaluation", "research"]),
    (Sector::Private, &["employer", "local business"]),
    (Sector::Other, &["culture and leisure"]),
];

/// What community groups and family voice bring.
const COMMUNITY_RESOURCES: &[Resource] =
    &[Resource::Volunteers, Resource::CommunityConnections, Resource::InfoFeedback, Resource::Advocacy];

/// Resources a partner of the sector may bring. The last row is for any sector not listed.
const SECTOR_RESOURCES: &[(Sector, &[Resource])] = &[
    (
        Sector::Statutory,
        &[
            Resource::Funding,
            Resource::PaidStaff,
            Resource::Data,
            Resource::Expertise,
            Resource::FiscalManagement,
            Resource::FacilitationLeadership,
            Resource::InKind,
        ],
    ),
    (Sector::Health, &[Resource::PaidStaff, Resource::Expertise, Resource::Data, Resource::InfoFeedback]),
    (Sector::Education, &[Resource::InKind, Resource::Data, Resource::CommunityConnections, Resource::PaidStaff]),
    (Sector::PoliceJustice, &[Resource::Data, Resource::Expertise, Resource::PaidStaff]),
    (
        Sector::ThirdSector,
        &[
            Resource::PaidStaff,
            Resource::Volunteers,
            Resource::CommunityConnections,
            Resource::Expertise,
            Resource::InfoFeedback,
            Resource::Advocacy,
        ],
    ),
    (Sector::Community, COMMUNITY_RESOURCES),
    (Sector::FamilyVoice, COMMUNITY_RESOURCES),
    (Sector::Funder, &[Resource::Funding, Resource::FiscalManagement, Resource::Expertise]),
    (Sector::Academic, &[Resource::Data, Resource::Expertise, Resource::InfoFeedback]),
    (Sector::Private, &[Resource::InKind, Resource::Funding, Resource::ItWeb]),
    (Sector::Other, &[Resource::InKind, Resource::Other, Resource::ItWeb]),
];

/// The row of a table by sector, the last row for a sector not listed.
fn row<T: ?Sized>(table: &'static [(Sector, &'static T)], sector: Sector) -> &'static T {
    table.iter().find(|(s, _)| *s == sector).unwrap_or(&table[table.len() - 1]).1
}

/// The name patterns of a sector (see [`NAME_PATTERNS`]).
pub(super) fn name_patterns(sector: Sector) -> &'static [&'static str] {
    row(NAME_PATTERNS, sector)
}

/// The tags a partner of the sector may carry (see [`SECTOR_TAGS`]).
pub(super) fn sector_tags(sector: Sector) -> &'static [&'static str] {
    row(SECTOR_TAGS, sector)
}

/// The resources a partner of the sector may bring (see [`SECTOR_RESOURCES`]).
pub(super) fn sector_resources(sector: Sector) -> &'static [Resource] {
    row(SECTOR_RESOURCES, sector)
}

/// Where partners' grants come from; `{A}` is the council area.
pub(super) const FUNDING_SOURCES: &[&str] = &[
    "Scottish Government Whole Family Wellbeing Fund",
    "National Lottery Community Fund",
    "{A} Council grant",
    "The Robertson Trust",
    "BBC Children in Need",
    "{A} Community Foundation",
    "Corra Foundation",
    "The Morven Children's Fund",
];

/// The place an initiative is set in.
pub(super) struct World {
    /// The council area.
    pub(super) area: &'static str,
    /// How many of [`LOCALITIES`] it has.
    pub(super) localities: usize,
}

impl World {
    /// Fills a name pattern: `{A}` the area, `{P}` a place of `locality`, `{S}` a surname,
    /// `{T}` a saint, `{C}` a charity name.
    pub(super) fn fill(&self, pattern: &str, dice: &mut Dice, locality: usize) -> String {
        let mut s = pattern.replace("{A}", self.area);
        if s.contains("{P}") {
            s = s.replace("{P}", dice.word(LOCALITIES[locality].1));
        }
        if s.contains("{S}") {
            s = s.replace("{S}", dice.word(SURNAMES));
        }
        if s.contains("{T}") {
            s = s.replace("{T}", dice.word(SAINTS));
        }
        if s.contains("{C}") {
            s = s.replace("{C}", dice.word(CHARITY_NAMES));
        }
        s
    }
}
