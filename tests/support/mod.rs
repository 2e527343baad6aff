//! End-to-end test support: a static file server for `dist/` and a small
//! WebDriver client for ChromeDriver + headless Chromium. Both run on
//! 127.0.0.1 only; nothing reaches the network.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

pub mod server;
pub mod webdriver;
