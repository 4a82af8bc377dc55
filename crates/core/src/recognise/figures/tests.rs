use super::*;
use crate::segment::segment;

fn figs(text: &str) -> Vec<Figure> {
    recognise(text, &segment(text))
}

fn one(text: &str) -> Figure {
    let f = figs(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f.into_iter().next().unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn money() {
    let f = one("Exports were worth US$48 million last year.");
    assert!(close(f.value, 48e6) && f.unit == "USD", "{f:?}");
    assert_eq!(f.text, "US$48 million");
    let f = one("The deal was valued at €5bn.");
    assert!(close(f.value, 5e9) && f.unit == "EUR", "{f:?}");
    let f = one("It paid $24.04 million for the site.");
    assert!(close(f.value, 24.04e6) && f.unit == "USD");
    let f = one("Seoul pledged ₩1 trillion in aid.");
    assert!(close(f.value, 1e12) && f.unit == "KRW");
    let f = one("The bill came to 5 million dollars.");
    assert!(close(f.value, 5e6) && f.unit == "USD", "{f:?}");
    let f = one("Tickets cost 120 yen each.");
    assert_eq!(f.unit, "JPY");
    let f = one("It raised HK$3.7 billion.");
    assert_eq!(f.unit, "HKD");
}

#[test]
fn percents_and_changes() {
    let f = one("Turnout was 99.6 percent.");
    assert!(close(f.value, 99.6) && f.unit == "percent" && f.change == "=");
    let f = one("Core inflation rose 0.3% in June.");
    assert!(f.unit == "percent" && f.change == "up", "{f:?}");
    let f = one("Sales fell 7 per cent.");
    assert!(
        f.unit == "percent" && f.change == "down" && f.text == "7 per cent",
        "{f:?}"
    );
    let f = one("The index was up about 19 per cent for the year.");
    assert_eq!(
        f.change, "up",
        "a change verb wins over an approximation word"
    );
    let f = one("It weighed about 19 kg.");
    assert_eq!(f.change, "~");
    let f = one("It generates more than 60 per cent of its revenue from ads.");
    assert!(
        f.change == ">" && f.text == "more than 60 per cent",
        "{f:?}"
    );
    let f = one("Spending was just under 20 percent of the total.");
    assert_eq!(f.change, "<");
}

#[test]
fn quantities_rates_ranges() {
    let f = one("The ship carried 4,100 tons of coal.");
    assert!(close(f.value, 4100.0) && f.unit == "ton", "{f:?}");
    let f = one("Output reached 10,000 barrels per day.");
    assert!(
        f.unit == "barrel" && f.per.as_deref() == Some("day"),
        "{f:?}"
    );
    let f = one("They agreed a cut of 800,000 barrels a day.");
    assert!(
        f.unit == "barrel" && f.per.as_deref() == Some("day"),
        "{f:?}"
    );
    let f = one("Growth is forecast at 3 to 5 percent.");
    assert!(
        close(f.value, 3.0) && f.value_high == Some(5.0) && f.unit == "percent",
        "{f:?}"
    );
    let f = one("Prices range between $10 and $20.");
    assert!(f.value_high == Some(20.0) && f.unit == "USD", "{f:?}");
    let f = one("The car reached 87 mph on the track.");
    assert_eq!(f.unit, "mile per hour");
    let f = one("The trail is 30 km long.");
    assert_eq!(f.unit, "kilometre");
}

#[test]
fn counts_durations_multipliers() {
    let f = one("More than 30 officials attended.");
    assert!(
        close(f.value, 30.0) && f.change == ">" && f.unit == "official",
        "{f:?}"
    );
    let f = one("The talks lasted three days.");
    assert!(close(f.value, 3.0) && f.unit == "day", "{f:?}");
    let f = one("Shipments roughly doubled from a year earlier.");
    assert!(
        close(f.value, 2.0) && f.unit == "times" && f.change == "~",
        "{f:?}"
    );
    let f = one("Revenue grew more than sixfold.");
    assert!(close(f.value, 6.0) && f.unit == "times", "{f:?}");
    let f = one("It was the sixth meeting between them.");
    assert_eq!(f.unit, "ordinal");
}

#[test]
fn not_figures() {
    for s in [
        "The meeting was held on July 4.",
        "He was born on Sept. 6, 2017 in Ohio.",
        "The law took effect on January 1 in most states.",
        "The company was founded in 2003.",
        "The target is to be met by 2020.",
        "The quake struck at 7:36 AM local time.",
        "Trading closed at 18:10.",
        "The game ended 2-1 after extra time.",
        "Call 555-123-4567 for details.",
        "See Section 427 of the act.",
        "Apple unveiled the iPhone 11 on Tuesday.",
        "The meeting on 9 May was cancelled.",
    ] {
        let f = figs(s);
        assert!(f.is_empty(), "{s}: {f:#?}");
    }
}

#[test]
fn periods_and_measures() {
    let f =
        figs("Russian exports to the country rose 12 percent in the first five months this year.")
            .remove(0);
    assert_eq!(f.unit, "percent");
    assert_eq!(
        f.period.as_deref(),
        Some("in the first five months this year")
    );
    let f = one("The trade volume reached $30 billion last year.");
    assert_eq!(f.measure.as_deref(), Some("trade volume"));
    assert_eq!(f.period.as_deref(), Some("last year"));
}

mod props {
    use super::*;
    use crate::model::{Segmented, Sentence};
    use proptest::prelude::*;

    /// One paragraph per line, one sentence per paragraph: the recogniser is tested
    /// on its own, independently of the segmenter.
    fn plain_seg(s: &str) -> Segmented {
        let mut seg = Segmented::default();
        let mut start = 0;
        for line in s.split('\n') {
            let end = start + line.len();
            if !line.is_empty() {
                seg.sentences.push(Sentence {
                    span: Span::new(start, end),
                    paragraph: seg.paragraphs.len(),
                });
                seg.paragraphs.push(Span::new(start, end));
            }
            start = end + 1;
        }
        seg
    }

    proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC{0,200}") {
            for f in recognise(&s, &plain_seg(&s)) {
                prop_assert!(f.span.start <= f.span.end && f.span.end <= s.len());
                prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
                prop_assert_eq!(&s[f.span.start..f.span.end], f.text.as_str());
            }
        }
        #[test]
        fn spans_are_valid_numeric(s in "[0-9 ,.$%€£¥₩:/a-zA-Z~\n-]{0,120}") {
            for f in recognise(&s, &plain_seg(&s)) {
                prop_assert!(f.span.end <= s.len() && s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
                prop_assert_eq!(&s[f.span.start..f.span.end], f.text.as_str());
            }
        }
    }
}

/// Throughput on real news text (run with `--ignored --nocapture`; prints, never asserts time).
#[test]
#[ignore]
fn throughput_polnear() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/bench/polnear/train/text");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut text = String::new();
    for e in rd.flatten().take(400) {
        text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        text.push('\n');
    }
    let seg = segment(&text);
    let words = text.split_whitespace().count();
    let t0 = std::time::Instant::now();
    let n = recognise(&text, &seg).len();
    let dt = t0.elapsed().as_secs_f64();
    println!(
        "{words} words, {n} figures, {:.0} words/s",
        words as f64 / dt
    );
}

#[test]
#[ignore]
fn throughput_atoms_only() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/bench/polnear/train/text");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut text = String::new();
    for e in rd.flatten().take(400) {
        text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        text.push('\n');
    }
    let words = text.split_whitespace().count();
    let t0 = std::time::Instant::now();
    let n: usize = text.split('\n').map(|p| atoms(p).len()).sum();
    let dt = t0.elapsed().as_secs_f64();
    println!(
        "atoms: {words} words, {n} atoms, {:.0} words/s",
        words as f64 / dt
    );
}

#[test]
fn more_patterns() {
    let f = one("Russia shipped 4 million barrels of crude oil.");
    assert_eq!(f.measure.as_deref(), Some("crude oil"));
    let f = one("The temperature fell to minus-130 degrees Fahrenheit.");
    assert!(close(f.value, -130.0), "{f:?}");
    let f = one("Spending will be 3-5% higher.");
    assert!(
        close(f.value, 3.0) && f.value_high == Some(5.0) && f.unit == "percent",
        "{f:?}"
    );
    let f = one("Prices rose from $10 to $15 billion.");
    assert!(close(f.value, 10e9) && f.value_high == Some(15e9), "{f:?}");
    let f = figs("The firm will offer 435 homes by open sale and 187 by tender.");
    assert_eq!(f.len(), 2);
    assert_eq!(
        f[1].unit, "home",
        "an elided unit is taken from the previous figure"
    );
    let f = figs("The index lost 190 points, or 0.6%, on Friday.");
    assert_eq!(f[1].change, "down", "an apposed figure keeps the change");
    let f = one("Shares rose 6.5% to 164p.".split(" to ").next().unwrap());
    assert_eq!(f.change, "up");
    let f = figs("Shares rose 6.5% to 164p.");
    assert_eq!(f[1].unit, "penny");
    let f = one("It costs about 8 or $9.".split(" or").next().unwrap());
    assert_eq!(f.change, "~");
    let f = one("Dozens of people were hurt.");
    assert!(
        close(f.value, 12.0) && f.value_high == Some(120.0) && f.unit == "people",
        "{f:?}"
    );
}

#[test]
fn more_non_figures() {
    for s in [
        "Published 5:55 AM EST Dec 20 2019",
        "The meeting starts at 11 a.m. on Monday.",
        "He scored in the 2014-15 season.",
        "Dak Prescott (4) ran in the touchdown.",
        "The S&P 500 index closed higher.",
        "The COVID-19 pandemic hit trade.",
        "She lives at 575 Wilbraham Road.",
        "Volvo unveiled the XC40 Recharge.",
        "SEOUL, Sept. 6 (Yonhap) -- The talks resumed.",
        "Posted: 2017-09-06 14:20 | Updated 2017-09-07",
        "Published 06.09.2017 at 10:45",
        "The summit ended on 12/25/2017 in Vladivostok.",
        "Under Article 5 of the treaty, allies respond.",
    ] {
        let f = figs(s);
        assert!(f.is_empty(), "{s}: {f:#?}");
    }
}

/// Prints figures found in real articles, for inspection (`--ignored --nocapture`).
#[test]
#[ignore]
fn dump_polnear() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/bench/polnear/dev/text");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths.iter().take(40) {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        for f in recognise(&text, &segment(&text)) {
            let s = f.span.start.saturating_sub(30);
            let mut s2 = s;
            while !text.is_char_boundary(s2) {
                s2 += 1;
            }
            let mut e = (f.span.end + 20).min(text.len());
            while !text.is_char_boundary(e) {
                e -= 1;
            }
            println!(
                "{:?} | {} {} {} | {}",
                f.text,
                f.value,
                f.unit,
                f.change,
                text[s2..e].replace('\n', " ")
            );
        }
    }
}

#[test]
fn brief_examples() {
    let f = one("It supplied 1.5 million barrels of oil products.");
    assert!(
        close(f.value, 1.5e6) && f.unit == "barrel" && f.measure.as_deref() == Some("oil products"),
        "{f:?}"
    );
    let f = one("Winds reached 5 mph.");
    assert_eq!(f.unit, "mile per hour");
    let f = one("The pipeline carries 300 barrels/day.");
    assert!(
        f.unit == "barrel" && f.per.as_deref() == Some("day"),
        "{f:?}"
    );
    let f = one("Exports grew 200 tons a year.");
    assert_eq!(f.period.as_deref(), Some("per year"));
    let f = one("Output grew twofold.");
    assert!(close(f.value, 2.0) && f.unit == "times", "{f:?}");
    let f = one("Prices are 3 times higher.");
    assert!(close(f.value, 3.0) && f.unit == "times", "{f:?}");
    let f = one("The rate rose 0.25 percentage points.");
    assert!(f.unit == "percentage point" && f.change == "up", "{f:?}");
    let f = one("Between 10 and 20 boats were seen.");
    assert!(close(f.value, 10.0) && f.value_high == Some(20.0), "{f:?}");
}

#[test]
fn units_from_pint_and_powers() {
    let f = one("The utility will add storage of 12 GWh next year.");
    assert_eq!(f.unit, "gigawatt hour");
    let f = one("The V8 delivers 480 lb-ft of torque.");
    assert_eq!(f.unit, "pound-foot");
    let f = one("It has 310 pound-feet of torque.");
    assert_eq!(f.unit, "pound-foot");
    let f = one("Each studio is 28m2.");
    assert_eq!(f.unit, "square metre");
    let f = one("It was 3.1degF warmer.");
    assert_eq!(f.unit, "degree fahrenheit");
}

#[test]
fn scientific_notation_and_written_fractions() {
    let f = one("The constant is approximately 6.67×10−11 meters per second.");
    assert!(
        (f.value - 6.67e-11).abs() < 1e-18 && f.unit == "metre per second",
        "{f:?}"
    );
    let f = one("Avogadro's number is 6.022 x 10^23 per mole.");
    assert!(close(f.value, 6.022e23), "{f:?}");
    let v = figs("One cup is 1/16 of a US gallon and 1\u{2044}4 of a quart.");
    assert!(
        v.iter()
            .any(|f| close(f.value, 1.0 / 16.0) && f.unit == "gallon"),
        "{v:?}"
    );
    assert!(
        v.iter().any(|f| close(f.value, 0.25) && f.unit == "quart"),
        "{v:?}"
    );
    assert!(
        !v.iter().any(|f| f.value == 16.0 || f.value == 4.0),
        "{v:?}"
    );
    // overflowing exponents are not figures
    assert!(figs("a 3.51e308 b").iter().all(|f| f.value.is_finite()));
}

#[test]
fn counted_noun_phrases() {
    assert_eq!(
        one("Police said about 300 Ford and Toyota trucks were recalled.").unit,
        "ford and toyota truck"
    );
    assert_eq!(
        one("The plan covers 900 social housing units across the city.").unit,
        "social housing unit"
    );
    assert_eq!(
        one("Among his 120 recorded interviews were several classics.").unit,
        "interview"
    );
    let f = one("A third of the rural population lives in the north.");
    assert_eq!(f.measure.as_deref(), Some("rural population live"));
    assert_eq!(
        one("Half the apartments have sold.").measure.as_deref(),
        Some("apartment")
    );
    assert_eq!(
        one("One fourth of the US workforce is remote.")
            .measure
            .as_deref(),
        Some("us workforce")
    );
}

#[test]
fn elided_units_and_rates() {
    // a part of a total takes the total's unit
    let v = figs("He has raised 40 million of the 90 million pesos he needs.");
    assert_eq!(v[0].unit, v[1].unit, "{v:?}");
    // a bare rate keeps its period, the counted noun of the sentence applies
    let v = figs("There were 19 reported thefts, compared with an average of 15 per month.");
    assert!(
        v[1].unit == "theft" && v[1].per.as_deref() == Some("month"),
        "{v:?}"
    );
    // a conversion in parentheses does not lend its currency
    let v = figs(
        "It costs 1,200,000 yen ($8,100) for the base model and 1,100,000 ($7,400) for the other.",
    );
    let f = v.iter().find(|f| f.value == 1_100_000.0).unwrap();
    assert_eq!(f.unit, "JPY", "{v:?}");
    // the rate after a conversion belongs to the amount
    let v = figs("a blow to a 4 billion pesos ($230 million) a year industry");
    assert_eq!(v[0].per.as_deref(), Some("year"), "{v:?}");
    // "a year earlier" is a time, not a rate
    let v = figs("Sales rose to $5.2 billion from $4.1 billion a year earlier.");
    assert!(v.iter().all(|f| f.per.is_none()), "{v:?}");
    // index levels after a percentage change take the earlier level's unit
    let v = figs(
        "The index eased 0.2% to 3,120.5 points, while the other index added 0.4% to 2,840.7.",
    );
    assert_eq!(v.last().unwrap().unit, "point", "{v:?}");
    let v = figs("Exports increased by 3 percent while imports decreased by 2.");
    assert_eq!(v.last().unwrap().unit, "percent", "{v:?}");
    // ages and spelled scales
    assert_eq!(
        one("It was found in 65 million-year-old rock.").unit,
        "year of age"
    );
    let f = one("There are three to four thousand fans.");
    assert!(
        close(f.value, 3000.0) && f.value_high == Some(4000.0),
        "{f:?}"
    );
}

#[test]
fn noun_grammar_around_counts() {
    // a singular noun after a count above one is a modifier naming the unit
    assert_eq!(one("It cites a 40 page report on the merger.").unit, "page");
    assert_eq!(one("The car gets a 6 cylinder engine.").unit, "cylinder");
    // after "one", a word in -s following the noun is a verb
    assert_eq!(one("One report argues the opposite.").unit, "report");
    assert_eq!(
        one("The firm employs around 900 people nationwide today.").unit,
        "people"
    );
    // a modifier between determiner and count belongs to the noun
    assert_eq!(
        one("They posted a record 41 wins this season.").unit,
        "record win"
    );
    assert_eq!(
        one("It can beat the top five teams in the league.").unit,
        "top team"
    );
    assert_eq!(
        one("It adds to gains from the previous three meetings.").unit,
        "previous meeting"
    );
    assert_eq!(one("It was 20 previous years of work.").unit, "year");
    // but not a time frame, a label or an approximation
    assert_eq!(one("It rose over the past 8 weeks.").unit, "week");
    assert_eq!(one("It is going to be the number one issue.").unit, "issue");
}

#[test]
fn units_from_context() {
    let f = one("Limit exposure to no more than 2 R per hour.");
    assert!(
        f.unit == "roentgen" && f.per.as_deref() == Some("hour"),
        "{f:?}"
    );
    let v = figs("The main index closed (21450.10 down 120.5 points).");
    assert!(
        v.len() == 2 && v[0].unit == "point" && v[1].unit == "point",
        "{v:?}"
    );
    let v = figs("About 2 million children under the age of 12 years were vaccinated.");
    assert_eq!(v[1].unit, "year of age", "{v:?}");
}

#[test]
fn digits_inside_units() {
    let f = one("a current density of 2.5 A/cm2 to 0.5 A/cm2.");
    assert!(
        f.unit == "ampere"
            && f.per.as_deref() == Some("square centimetre")
            && f.value_high == Some(0.5),
        "{f:?}"
    );
    let f = one("flats of 32 m2 to 40 m2");
    assert!(
        f.unit == "square metre" && f.value == 32.0 && f.value_high == Some(40.0),
        "{f:?}"
    );
    assert_eq!(figs("It holds 5 m3 and 7 km2.").len(), 2);
}

#[test]
fn comparatives_and_spaced_names() {
    let v = figs("That makes it around 20k or 30k cheaper than its rivals.");
    assert!(v.iter().all(|f| f.unit != "cheaper"), "{v:?}");
    let v = figs("They bought thousands of COVID -19 vaccines.");
    assert!(v.iter().all(|f| f.value > 0.0), "{v:?}");
    assert_eq!(one("It fell to -19 degrees.").value, -19.0);
    assert_eq!(one("Q3 GDP -0.5% on the quarter").value, -0.5);
}
