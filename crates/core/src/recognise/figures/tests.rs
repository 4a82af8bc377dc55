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
    assert!(f.unit == "percent" && f.change == "down" && f.text == "7 per cent", "{f:?}");
    let f = one("The index was up about 19 per cent for the year.");
    assert_eq!(f.change, "up", "a change verb wins over an approximation word");
    let f = one("It weighed about 19 kg.");
    assert_eq!(f.change, "~");
    let f = one("It generates more than 60 per cent of its revenue from ads.");
    assert!(f.change == ">" && f.text == "more than 60 per cent", "{f:?}");
    let f = one("Spending was just under 20 percent of the total.");
    assert_eq!(f.change, "<");
}

#[test]
fn quantities_rates_ranges() {
    let f = one("The ship carried 4,100 tons of coal.");
    assert!(close(f.value, 4100.0) && f.unit == "ton", "{f:?}");
    let f = one("Output reached 10,000 barrels per day.");
    assert!(f.unit == "barrel" && f.per.as_deref() == Some("day"), "{f:?}");
    let f = one("They agreed a cut of 800,000 barrels a day.");
    assert!(f.unit == "barrel" && f.per.as_deref() == Some("day"), "{f:?}");
    let f = one("Growth is forecast at 3 to 5 percent.");
    assert!(close(f.value, 3.0) && f.value_high == Some(5.0) && f.unit == "percent", "{f:?}");
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
    assert!(close(f.value, 30.0) && f.change == ">" && f.unit == "official", "{f:?}");
    let f = one("The talks lasted three days.");
    assert!(close(f.value, 3.0) && f.unit == "day", "{f:?}");
    let f = one("Shipments roughly doubled from a year earlier.");
    assert!(close(f.value, 2.0) && f.unit == "times" && f.change == "~", "{f:?}");
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
    let f = figs("Russian exports to the country rose 12 percent in the first five months this year.").remove(0);
    assert_eq!(f.unit, "percent");
    assert_eq!(f.period.as_deref(), Some("in the first five months this year"));
    let f = one("The trade volume reached $30 billion last year.");
    assert_eq!(f.measure.as_deref(), Some("trade volume"));
    assert_eq!(f.period.as_deref(), Some("last year"));
}

mod props {
    use super::*;
    use proptest::prelude::*;
    proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC{0,200}") {
            let seg = segment(&s);
            for f in recognise(&s, &seg) {
                prop_assert!(f.span.start <= f.span.end && f.span.end <= s.len());
                prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
                prop_assert_eq!(&s[f.span.start..f.span.end], f.text.as_str());
            }
        }
        #[test]
        fn spans_are_valid_numeric(s in "[0-9 ,.$%€£:/a-zA-Z-]{0,120}") {
            let seg = segment(&s);
            for f in recognise(&s, &seg) {
                prop_assert!(f.span.end <= s.len() && s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
                prop_assert_eq!(&s[f.span.start..f.span.end], f.text.as_str());
            }
        }
    }
}
