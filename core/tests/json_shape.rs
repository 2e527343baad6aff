//! One JSON shape for a platform's cost: the export writer (kept because a
//! JSON library would grow the web page) must write exactly what the serde
//! derive on `PlatformCost` — the shape the CLI's other commands use —
//! writes, field for field and in the same order.

use berth_core::cost::evaluate;
use berth_core::export::estimate_json;
use berth_core::preset::Preset;
use berth_core::Scenario;

fn queries() -> Vec<String> {
    let mut out: Vec<String> = Preset::ALL
        .iter()
        .map(|p| format!("preset={}", p.key()))
        .collect();
    out.extend(
        [
            "",
            "region=sa-east-1&svc=win~2~1~2~x86~windows",
            "svc=a~3~0.25~0.5~arm&spot=50&fspot=30&sp=20",
            "svc=big~1~64~512&it=m5.large",
            "region=eu-west-1&svc=x~0~1~2",
        ]
        .map(String::from),
    );
    out
}

/// Every number as an f64: the writer prints `73` where serde writes `73.0`;
/// both are the same JSON number.
fn floats(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        Value::Array(a) => Value::Array(a.into_iter().map(floats).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, floats(v))).collect()),
        other => other,
    }
}

#[test]
fn the_export_writes_a_platform_as_serde_does() {
    for q in queries() {
        let (s, notices) = Scenario::from_query(&q);
        let report = evaluate(&s);
        let written: serde_json::Value =
            serde_json::from_str(&estimate_json(&s, &report, &notices)).unwrap();
        let platforms = written["platforms"].as_array().unwrap();
        assert_eq!(platforms.len(), report.platforms.len());
        for (w, p) in platforms.iter().zip(&report.platforms) {
            let (w, derived) = (&floats(w.clone()), floats(serde_json::to_value(p).unwrap()));
            assert_eq!(w, &derived, "{q}: {}", p.id.id());
            // With `preserve_order`, objects keep their keys in written order.
            assert_eq!(w.to_string(), derived.to_string(), "{q}: key order");
        }
    }
}
