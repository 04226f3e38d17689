//! The issue codes (a problem in a document, CSV folder, options or argument) and the error codes.

/// Declares a table of codes grouped by area: the code enum (a variant per row, its
/// dotted text, `ALL`, `description`, `area`, `parse`) and the area enum (`ALL`, `title`,
/// `codes`). One row is `Variant = "dotted.text": "When it is given.",`.
macro_rules! code_table {
    (
        $(#[$doc:meta])*
        pub enum $name:ident, example $ex:ident = $ex_text:literal;
        $(#[$area_doc:meta])*
        pub enum $area_ty:ident;
        $(
            $area:ident $title:literal {
                $( $variant:ident = $text:literal : $when:literal, )+
            }
        )+
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $( #[doc = $when] $variant, )+ )+
        }

        $(#[$area_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $area_ty {
            $( #[doc = $title] $area, )+
        }

        impl $name {
            /// Every code, area by area, in the order of the table.
            pub const ALL: &'static [$name] = &[$( $( $name::$variant, )+ )+];

            /// The code as convener writes it: dotted text.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use convener::codes::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::", stringify!($ex), ".as_str(), \"", $ex_text, "\");")]
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $( $name::$variant => $text, )+ )+
                }
            }

            /// When convener gives this code, in a sentence.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use convener::codes::", stringify!($name), ";")]
            #[doc = concat!("assert!(", stringify!($name), "::", stringify!($ex), ".description().ends_with('.'));")]
            /// ```
            pub const fn description(self) -> &'static str {
                match self {
                    $( $( $name::$variant => $when, )+ )+
                }
            }

            /// The area of the table the code is listed in.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use convener::codes::", stringify!($name), ";")]
            #[doc = concat!("let code = ", stringify!($name), "::", stringify!($ex), ";")]
            /// assert!(code.area().codes().any(|c| c == code));
            /// ```
            pub const fn area(self) -> $area_ty {
                match self {
                    $( $( $name::$variant => $area_ty::$area, )+ )+
                }
            }

            /// The code with this dotted text, if there is one.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use convener::codes::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::parse(\"", $ex_text, "\"), Some(", stringify!($name), "::", stringify!($ex), "));")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::parse(\"no.such_code\"), None);")]
            /// ```
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $( $( $text => Some($name::$variant), )+ )+
                    _ => None,
                }
            }
        }

        impl $area_ty {
            /// Every area, in the order of the table.
            pub const ALL: &'static [$area_ty] = &[$( $area_ty::$area, )+];

            /// The area's heading in `docs/codes.md`.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use convener::codes::", stringify!($name), ";")]
            #[doc = concat!("assert!(!", stringify!($name), "::", stringify!($ex), ".area().title().is_empty());")]
            /// ```
            pub const fn title(self) -> &'static str {
                match self {
                    $( $area_ty::$area => $title, )+
                }
            }

            /// The codes of this area, in the order of the table.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use convener::codes::", stringify!($name), ";")]
            #[doc = concat!("let area = ", stringify!($name), "::", stringify!($ex), ".area();")]
            #[doc = concat!("assert!(area.codes().all(|c| c.area() == area));")]
            /// ```
            pub fn codes(self) -> impl Iterator<Item = $name> {
                $name::ALL.iter().copied().filter(move |c| c.area() == self)
            }
        }

        super::dotted_text!($name);
    };
}

code_table! {
    /// The code of one problem ([`crate::Issue`]) in a document, a CSV folder or edge list,
    /// the options, or an argument a caller gave ([`crate::Error::InvalidArgument`]).
    ///
    /// Written as its dotted text in JSON, by `Display` and when compared with text; the
    /// table in `crates/convener/src/codes/issue.rs` is the one list of them, and
    /// `docs/codes.md` is generated from it.
    ///
    /// # Example
    /// ```
    /// use convener::codes::{IssueArea, IssueCode};
    /// let err = convener::Initiative::from_json(r#"{"format": "convener/1"}"#).unwrap_err();
    /// let code = err.issues()[0].code;
    /// assert_eq!(code, IssueCode::FieldMissing);
    /// assert_eq!(code, "field.missing");
    /// assert_eq!(code.to_string(), "field.missing");
    /// assert_eq!(serde_json::to_string(&code).unwrap(), r#""field.missing""#);
    /// assert_eq!(code.area(), IssueArea::Document);
    /// assert!(IssueCode::ALL.contains(&IssueCode::ReferenceUnknownPartner));
    /// ```
    pub enum IssueCode, example FieldMissing = "field.missing";

    /// The areas of the issue table, one section each in `docs/codes.md`.
    ///
    /// # Example
    /// ```
    /// use convener::codes::{IssueArea, IssueCode};
    /// assert_eq!(IssueArea::References.title(), "References and duplicates");
    /// assert!(IssueArea::Csv.codes().any(|c| c == IssueCode::CsvSyntax));
    /// ```
    pub enum IssueArea;

    Document "Document and loading" {
        JsonSyntax = "json.syntax":
            "The text is not well-formed JSON; the issue gives the line and column where reading stopped.",
        EncodingInvalid = "encoding.invalid":
            "A document or a CSV file or cell is not UTF-8 text (for example a file saved as UTF-16).",
        FormatUnsupported = "format.unsupported":
            "The document's `format` names a format convener does not read, or is not text.",
        FieldUnknown = "field.unknown":
            "A document has a field, or a CSV file a column, that the format does not define (the closest name is suggested).",
        FieldMissing = "field.missing":
            "A required field, CSV file, column or cell is missing (including a ratio indicator's numerator or denominator).",
        FieldDuplicate = "field.duplicate":
            "A field is given twice in one JSON object, a column twice in a CSV header, or an item twice in one survey response.",
        TypeMismatch = "type.mismatch":
            "A value is of the wrong kind: text where a number is needed, a list where an object is, and so on.",
        LimitExceeded = "limit.exceeded":
            "The input is larger or deeper than a limit allows (bytes, nesting, text length, items): the one issue of the `limit.exceeded` error.",
    }

    Values "Values" {
        ValueUnknown = "value.unknown":
            "A name is not one its field allows (a sector, a level, a frequency, a graph format); the closest one is suggested.",
        ValueEmpty = "value.empty":
            "A text or a tag is empty or only spaces.",
        ValueNotFinite = "value.not_finite":
            "A number is not finite, or is too large to be used.",
        ValueOutOfRange = "value.out_of_range":
            "A number is outside the range its field allows (a rating of 1 to 4, a share of 0 to 1).",
        IdInvalid = "id.invalid":
            "An id is empty or holds a character an id cannot (it starts with a letter or digit, then letters, digits, `_`, `.`, `:` or `-`).",
        DateInvalid = "date.invalid":
            "A date is not a real calendar date written YYYY-MM-DD.",
        PeriodInvalid = "period.invalid":
            "A period is not written as a year (2024), a quarter (2024-Q3) or a month (2024-07).",
        TagInvalid = "tag.invalid":
            "A tag holds a `;` or starts or ends with a space.",
    }

    References "References and duplicates" {
        IdDuplicate = "id.duplicate":
            "Two things of the same kind share an id (goals and outcomes share one set of ids).",
        ReferenceUnknownPartner = "reference.unknown_partner":
            "A field names a partner the document does not have (the closest id is suggested).",
        ReferenceUnknownGoalOrOutcome = "reference.unknown_goal_or_outcome":
            "An outcome's `contributes_to` or an indicator's `measures` names no goal or outcome of the document.",
        ReferenceUnknownOutcome = "reference.unknown_outcome":
            "An activity's `outcomes`, or a row of outcome_assumptions.csv, names no outcome of the document (a goal named there is said to be one).",
        ReferenceUnknownActivity = "reference.unknown_activity":
            "An activity's `depends_on` names no activity of the document.",
        ReferenceUnknownIndicator = "reference.unknown_indicator":
            "A measurement names an indicator the document does not have.",
        ReferenceUnknownItem = "reference.unknown_item":
            "A survey answer names an item the survey's instrument does not have.",
        ReferenceDuplicate = "reference.duplicate":
            "A list of references names the same id twice.",
        ReferenceNotReporter = "reference.not_reporter":
            "A measurement comes from a partner that is not one of its indicator's reporters.",
        TieSelf = "tie.self":
            "A tie goes from a partner to itself.",
        TieDuplicate = "tie.duplicate":
            "A tie repeats the partners and the direction of an earlier one.",
        MeasurementDuplicate = "measurement.duplicate":
            "A measurement repeats the indicator, partner, period and group of an earlier one.",
        MeasurementGroupMixed = "measurement.group_mixed":
            "An indicator has measurements with a group and others without one.",
        PeriodMismatch = "period.mismatch":
            "A period does not match its indicator's reporting frequency (a month for a quarterly indicator).",
        PeriodOrder = "period.order":
            "An indicator's phases are not in time order, or one is listed twice.",
        ResponseDuplicate = "response.duplicate":
            "A partner answered the same survey twice.",
    }

    Csv "CSV folders and edge lists" {
        CsvSyntax = "csv.syntax":
            "A line of a CSV file or edge list cannot be split into cells, or a row has more cells than its header.",
        CsvRows = "csv.rows":
            "A one-row file (initiative.csv, agenda.csv, backbone.csv) has more than one row.",
        FileUnknown = "file.unknown":
            "A CSV folder holds a file convener does not read (the closest file name is suggested).",
        ReferenceUnknownSurvey = "reference.unknown_survey":
            "A row of survey_items.csv or survey_answers.csv names a survey that surveys.csv does not have.",
        SurveyBuiltinItems = "survey.builtin_items":
            "survey_items.csv gives items to a survey that uses the built-in five-conditions questions.",
    }

    Options "Options" {
        OptionsUnknown = "options.unknown":
            "The options name a key convener does not know (the closest is suggested); other faults in options have the value and loading codes.",
    }

    Arguments "Arguments" {
        ArgumentInvalid = "argument.invalid":
            "An argument is not of the kind it needs: not JSON text or an object, CSV content that is not text, a render request without its output or with a field it does not have, a what-if output without the partners to remove.",
        ArgumentUnknownFormat = "argument.unknown_format":
            "A binding is asked for an output format it does not write.",
        ArgumentUnknownOutput = "argument.unknown_output":
            "A render request names an output convener does not write (the closest name is suggested).",
        ArgumentUnknownPartner = "argument.unknown_partner":
            "A partner to take out (a what-if, `Initiative::without`) is not in the document.",
        ArgumentUnknownSchema = "argument.unknown_schema":
            "A JSON Schema is asked for by a name convener does not have.",
    }
}

code_table! {
    /// The code of an [`crate::Error`], as [`crate::Error::code`] gives it, for the errors
    /// whose code is not one of their issue's: a limit error's code is its one issue's,
    /// `limit.exceeded` ([`IssueCode::LimitExceeded`]), and an invalid argument's is its
    /// argument code ([`IssueArea::Arguments`]).
    ///
    /// `io` and `internal` are single words: they were given before codes were dotted, and
    /// bindings match on them.
    ///
    /// # Example
    /// ```
    /// use convener::codes::ErrorCode;
    /// let err = convener::Initiative::from_json("{").unwrap_err();
    /// assert_eq!(err.code(), ErrorCode::DocumentInvalid.as_str());
    /// assert_eq!(ErrorCode::Io, "io");
    /// ```
    pub enum ErrorCode, example DocumentInvalid = "document.invalid";

    /// The one area of the error table.
    ///
    /// # Example
    /// ```
    /// use convener::codes::ErrorArea;
    /// assert_eq!(ErrorArea::ALL.len(), 1);
    /// ```
    pub enum ErrorArea;

    Errors "Errors" {
        DocumentInvalid = "document.invalid":
            "The document (JSON, a CSV folder or an edge list) breaks the format's rules; the error lists every issue, up to the issue limit, and the count of the rest.",
        OptionsInvalid = "options.invalid":
            "The options break their rules; the error lists every issue.",
        Io = "io":
            "A file could not be read or written.",
        Internal = "internal":
            "convener itself failed; please report it with the input that caused it.",
    }
}
