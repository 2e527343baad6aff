//! A minimal W3C WebDriver client over plain HTTP/1.1, enough to drive
//! ChromeDriver: open a page, find elements, type, run a script, read logs.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// How long a condition may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A ChromeDriver process with one headless Chromium session.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: TempDir,
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Browser {
    /// Starts ChromeDriver and a headless Chromium with a fresh profile.
    pub fn start() -> Browser {
        Browser::launch(None)
    }

    /// As [`Browser::start`], saving downloads into `dir` without asking.
    pub fn with_downloads(dir: &std::path::Path) -> Browser {
        let browser = Browser::launch(Some(dir));
        let params = json!({"cmd": "Page.setDownloadBehavior", "params": {"behavior": "allow", "downloadPath": dir.display().to_string()}});
        browser
            .cmd("POST", "/chromium/send_command", Some(params))
            .unwrap();
        browser
    }

    fn launch(downloads: Option<&std::path::Path>) -> Browser {
        let port = free_port();
        let driver =
            Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("chromedriver must be installed (make setup)");
        let profile = std::env::temp_dir().join(format!("berth-e2e-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile).unwrap();
        wait_until("chromedriver ready", || {
            call(port, "GET", "/status", None)
                .ok()
                .filter(|v| v["value"]["ready"] == true)
        });
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
        ];
        let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": args,
                "prefs": {
                    "download.default_directory": downloads.map(|d| d.display().to_string()).unwrap_or_default(),
                    "download.prompt_for_download": false
                }
            },
            "goog:loggingPrefs": {"browser": "ALL"}
        }}});
        let created = call(port, "POST", "/session", Some(caps)).expect("new session");
        let session = created["value"]["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        Browser {
            driver,
            port,
            session,
            _profile: TempDir(profile),
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        call(
            self.port,
            method,
            &format!("/session/{}{}", self.session, path),
            body,
        )
    }

    /// Opens a URL.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })))
            .unwrap();
    }

    /// Waits for an element matching a CSS selector; returns its id.
    pub fn find(&self, css: &str) -> String {
        wait_until(&format!("element {css}"), || self.try_find(css))
    }

    /// The element matching `css`, if present now.
    pub fn try_find(&self, css: &str) -> Option<String> {
        let found = self
            .cmd(
                "POST",
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .ok()?;
        found["value"]
            .as_object()?
            .values()
            .next()?
            .as_str()
            .map(str::to_string)
    }

    /// A DOM property of an element (`value`, `textContent`, …).
    /// `null` when the element has left the page since it was found:
    /// the page's static parts are replaced whole when they change, so a
    /// check waiting for a change finds the new element on its next try.
    pub fn property(&self, element: &str, name: &str) -> Value {
        match self.cmd("GET", &format!("/element/{element}/property/{name}"), None) {
            Ok(v) => v["value"].clone(),
            Err(e) if e.contains("stale element reference") => Value::Null,
            Err(e) => panic!("{e}"),
        }
    }

    /// Clears an input and types `text` into it.
    pub fn type_text(&self, element: &str, text: &str) {
        self.cmd(
            "POST",
            &format!("/element/{element}/clear"),
            Some(json!({})),
        )
        .unwrap();
        self.cmd(
            "POST",
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        )
        .unwrap();
    }

    /// Runs an asynchronous script (it calls `arguments[0]` with its result).
    pub fn script_async(&self, source: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": source, "args": []})),
        )
        .unwrap()["value"]
            .clone()
    }

    /// Sets the colour scheme the page sees as the operating system's
    /// (`prefers-color-scheme`: `light` or `dark`); it lasts across navigations.
    pub fn emulate_colour_scheme(&self, scheme: &str) {
        let params = json!({"cmd": "Emulation.setEmulatedMedia", "params": {"features": [{"name": "prefers-color-scheme", "value": scheme}]}});
        self.cmd("POST", "/chromium/send_command", Some(params))
            .unwrap();
    }

    /// Lays the page out for a media type (`print`, `screen`).
    pub fn emulate_media(&self, media: &str) {
        let params = json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": media}});
        self.cmd("POST", "/chromium/send_command", Some(params))
            .unwrap();
    }

    /// Lays the page out as on a phone `width` CSS pixels wide.
    pub fn emulate_viewport(&self, width: u32, height: u32) {
        let params = json!({"cmd": "Emulation.setDeviceMetricsOverride", "params": {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": true}});
        self.cmd("POST", "/chromium/send_command", Some(params))
            .unwrap();
    }

    /// Lets pages of `origin` read and write the clipboard (headless has no user to ask).
    pub fn grant_clipboard(&self, origin: &str) {
        let origin = origin.trim_end_matches('/');
        let params = json!({"cmd": "Browser.grantPermissions", "params": {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]}});
        self.cmd("POST", "/chromium/send_command", Some(params))
            .unwrap();
    }

    /// Runs `source` in every document this browser loads from now on,
    /// before the page's own scripts (DevTools' `addScriptToEvaluateOnNewDocument`).
    pub fn on_new_document(&self, source: &str) {
        let params =
            json!({"cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source": source}});
        self.cmd("POST", "/chromium/send_command", Some(params))
            .unwrap();
    }

    /// A real (trusted) mouse click at viewport point (`x`, `y`), as a user
    /// clicking there, whatever element is on top.
    pub fn click_at(&self, x: f64, y: f64) {
        for kind in ["mousePressed", "mouseReleased"] {
            let params = json!({"cmd": "Input.dispatchMouseEvent", "params": {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}});
            self.cmd("POST", "/chromium/send_command", Some(params))
                .unwrap();
        }
    }

    /// A real (trusted) press of the Escape key on whatever has focus.
    pub fn press_escape(&self) {
        for kind in ["keyDown", "keyUp"] {
            let params = json!({"cmd": "Input.dispatchKeyEvent", "params": {"type": kind, "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27}});
            self.cmd("POST", "/chromium/send_command", Some(params))
                .unwrap();
        }
    }

    /// Clicks an element.
    pub fn click(&self, element: &str) {
        self.cmd(
            "POST",
            &format!("/element/{element}/click"),
            Some(json!({})),
        )
        .unwrap();
    }

    /// Runs a script and returns its result.
    pub fn script(&self, source: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": source, "args": []})),
        )
        .unwrap()["value"]
            .clone()
    }

    /// Switches into the iframe `element` (or back to the top with `None`).
    pub fn frame(&self, element: Option<&str>) {
        let id = match element {
            Some(e) => json!({ "element-6066-11e4-a52e-4f735466cecf": e }),
            None => Value::Null,
        };
        self.cmd("POST", "/frame", Some(json!({ "id": id })))
            .unwrap();
    }

    /// Saves a PNG screenshot of the viewport to `path`.
    pub fn screenshot(&self, path: &std::path::Path) {
        let shot = self.cmd("GET", "/screenshot", None).unwrap();
        let bytes = base64_decode(shot["value"].as_str().unwrap_or_default());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, bytes).unwrap();
    }

    /// Browser console entries at SEVERE level since the last call.
    pub fn console_errors(&self) -> Vec<String> {
        let logs = self
            .cmd("POST", "/se/log", Some(json!({"type": "browser"})))
            .unwrap_or(Value::Null);
        logs["value"]
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.cmd("DELETE", "", None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Polls `check` until it yields a value or [`PATIENCE`] runs out.
pub fn wait_until<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(start.elapsed() < PATIENCE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// One WebDriver call: JSON in, JSON out; `Err` on transport or protocol error.
fn call(port: u16, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(PATIENCE))
        .map_err(|e| e.to_string())?;
    let (head, payload) = read_response(&mut stream)?;
    let value: Value = serde_json::from_str(&payload).map_err(|e| format!("{e}: {payload}"))?;
    if head.starts_with("HTTP/1.1 2") {
        Ok(value)
    } else {
        Err(format!("{method} {path}: {}", value["value"]["message"]))
    }
}

/// Reads one HTTP response: the headers, then exactly Content-Length bytes
/// (ChromeDriver keeps the connection open despite `Connection: close`), or
/// up to the end of the stream when there is no Content-Length.
///
/// It counts bytes, not characters: Content-Length is in bytes, and a
/// multi-byte UTF-8 character may arrive split across two reads, so the body
/// is decoded once, when it is complete. (No HTTP client crate: the workspace
/// has none, and this is the one response shape the test needs; a crate
/// would add a dependency tree for a dozen lines.)
pub(crate) fn read_response(stream: &mut impl Read) -> Result<(String, String), String> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    // Where the body starts and how long it is, once the headers are in.
    let mut body_at: Option<(usize, Option<usize>)> = None;
    loop {
        let n = stream.read(&mut chunk).map_err(|e| e.to_string())?;
        let searched = buffer.len().saturating_sub(3);
        buffer.extend_from_slice(&chunk[..n]);
        if body_at.is_none() {
            if let Some(end) = buffer[searched..].windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buffer[..searched + end]);
                let length = head.lines().find_map(|line| {
                    let line = line.to_ascii_lowercase();
                    line.strip_prefix("content-length:")?
                        .trim()
                        .parse::<usize>()
                        .ok()
                });
                body_at = Some((searched + end + 4, length));
            }
        }
        match body_at {
            Some((start, length)) => {
                let got = buffer.len() - start;
                if n == 0 || length.is_some_and(|len| got >= len) {
                    let end = length.map_or(buffer.len(), |len| start + len.min(got));
                    let head = String::from_utf8_lossy(&buffer[..start - 4]).into_owned();
                    let body = String::from_utf8(buffer[start..end].to_vec())
                        .map_err(|e| format!("response body is not UTF-8: {e}"))?;
                    return Ok((head, body));
                }
            }
            None if n == 0 => return Err("connection closed before the response".to_string()),
            None => {}
        }
    }
}

/// Decodes standard base64 (WebDriver screenshots).
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    sextets
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, &v| (acc << 6) | u32::from(v)) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::read_response;
    use std::io::Read;

    /// A stream that hands out one byte per read, as a slow socket may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), out.first_mut()) {
                (Some((&byte, rest)), Some(slot)) => {
                    *slot = byte;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn a_body_split_inside_multibyte_characters_arrives_whole() {
        // Emoji (4 bytes), Hebrew (2 bytes, right to left), an accent, a
        // right-to-left override and a ZWJ (3 bytes). Each body ends in a
        // character of another length, so a read ends inside a character
        // right before the end of the body (no JSON: only the bytes count).
        let text = "{\"value\":\"🚢 café \u{202e}evil\u{202c} 👩\u{200d}💻\"} ";
        for last in ["שלום", "€", "🚢"] {
            let body = format!("{text}{last}");
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\
                 Content-Length: {}\r\n\r\n{body}",
                body.len()
            );
            // Bytes past Content-Length (the connection stays open) are not body.
            let bytes = [response.as_bytes(), b"HTTP/1.1 200 OK\r\n"].concat();
            let (head, got) = read_response(&mut Trickle(&bytes)).unwrap();
            assert!(head.starts_with("HTTP/1.1 200"), "{head}");
            assert_eq!(got, body);
            // And in one read.
            let (_, got) = read_response(&mut bytes.as_slice()).unwrap();
            assert_eq!(got, body);
        }
    }

    #[test]
    fn without_content_length_the_body_runs_to_the_end() {
        let response = "HTTP/1.1 404 Not Found\r\n\r\n{\"value\":\"ש🚢\"}";
        let (head, got) = read_response(&mut Trickle(response.as_bytes())).unwrap();
        assert_eq!(head, "HTTP/1.1 404 Not Found");
        assert_eq!(got, "{\"value\":\"ש🚢\"}");
        assert!(read_response(&mut Trickle(b"HTTP/1.1 200")).is_err());
    }
}
