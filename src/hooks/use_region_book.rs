//! The price book of the scenario's region: fetched when the region is
//! first used, with a retry, and a callback when it has been read.

use berth_core::region::RegionId;
use yew::prelude::*;

use crate::browser::{self, BookState};

/// Where the figures of `region` are, and a callback that asks for them
/// again after a failure. Fetches them when the region is first used;
/// `on_read` runs once they are read (the store checks the scenario
/// against them).
#[hook]
pub fn use_region_book(region: RegionId, on_read: Callback<()>) -> (BookState, Callback<()>) {
    // The state is the region's it was set for: a late answer for the
    // previous region never speaks for this one.
    let state = use_state(|| (region, browser::book_state(region)));
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((region, *attempt), move |&(region, _)| {
            if browser::book_state(region) != BookState::Ready {
                state.set((region, BookState::Loading));
                browser::load_region(region, move |read| {
                    let now = match read {
                        Ok(()) => BookState::Ready,
                        Err(why) => BookState::Failed(why),
                    };
                    let ready = now == BookState::Ready;
                    state.set((region, now));
                    if ready {
                        on_read.emit(());
                    }
                });
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    let shown = match &*state {
        _ if browser::book_state(region) == BookState::Ready => BookState::Ready,
        (r, s) if *r == region => s.clone(),
        _ => BookState::Loading,
    };
    (shown, retry)
}
