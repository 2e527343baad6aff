//! Embedding: `embed=<panel>` renders one panel without the page's chrome,
//! for an iframe in documentation, plus the snippets that host it.

use serde::{Deserialize, Serialize};

/// Which view an embed shows (`embed=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Embed {
    /// The Decide panel.
    Decide,
    /// The Cost panel.
    Cost,
    /// The break-even chart alone.
    Breakeven,
    /// The Performance panel.
    Performance,
    /// The performance matrix alone.
    Matrix,
}

impl Embed {
    /// Every embeddable view.
    pub const ALL: [Embed; 5] = [
        Embed::Decide,
        Embed::Cost,
        Embed::Breakeven,
        Embed::Performance,
        Embed::Matrix,
    ];

    /// The URL value.
    pub fn key(self) -> &'static str {
        match self {
            Embed::Decide => "decide",
            Embed::Cost => "cost",
            Embed::Breakeven => "breakeven",
            Embed::Performance => "performance",
            Embed::Matrix => "matrix",
        }
    }

    /// Reads a URL value.
    pub fn from_key(key: &str) -> Option<Embed> {
        Embed::ALL.into_iter().find(|e| e.key() == key)
    }
}

/// The message type an embed posts to its host with its content height.
pub const HEIGHT_MESSAGE: &str = "berth:height";

/// An iframe showing `query` (which carries `embed=`) from Berth at `base`
/// (the page address without its query), with a title for assistive tech.
pub fn iframe_snippet(base: &str, query: &str) -> String {
    let src = format!("{base}?{query}")
        .replace('&', "&amp;")
        .replace('"', "&quot;");
    format!(
        "<iframe class=\"berth-embed\" src=\"{src}\" title=\"Berth: AWS container platforms, decided and priced\" \
         style=\"width:100%;height:480px;border:0\" loading=\"lazy\"></iframe>"
    )
}

/// Ten lines for the host page: size every Berth iframe to its content.
pub const HOST_SNIPPET: &str = r#"<script>
  // Berth posts {type: "berth:height", height: N} whenever its content changes.
  window.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "berth:height") return;
    document.querySelectorAll("iframe.berth-embed").forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";
    });
  });
</script>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for e in Embed::ALL {
            assert_eq!(Embed::from_key(e.key()), Some(e));
        }
        assert_eq!(Embed::from_key("chrome"), None);
    }

    #[test]
    fn the_iframe_escapes_its_address() {
        let s = iframe_snippet(
            "https://docs.example/berth/",
            "v=1&embed=cost&svc=a\"b~1~1~2",
        );
        assert!(s.contains(
            "src=\"https://docs.example/berth/?v=1&amp;embed=cost&amp;svc=a&quot;b~1~1~2\""
        ));
        assert!(HOST_SNIPPET.lines().count() <= 10);
    }
}
