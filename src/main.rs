//! Entry point of the Berth web app: mounts [`berth::App`] on the page body.

fn main() {
    berth::start();
}
