//! The panel navigation: Decide, Cost, Performance, Data, as the WAI-ARIA
//! tabs pattern has it — a `tablist` inside the page's navigation landmark,
//! one tab in the Tab order (the open one), arrow keys, Home and End move
//! between tabs and open the one they reach.

use berth_core::Tab;
use yew::prelude::*;

use crate::components::class_list;

use crate::hooks::ScenarioHandle;

/// The tab `step` places from `tab` (wrapping), or the first or last.
fn step(tab: Tab, key: &str) -> Option<Tab> {
    let all = Tab::ALL;
    let i = all.iter().position(|t| *t == tab)?;
    let n = all.len();
    let to = match key {
        "ArrowRight" | "ArrowDown" => (i + 1) % n,
        "ArrowLeft" | "ArrowUp" => (i + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return None,
    };
    all.get(to).copied()
}

/// Tabs for the four panels; the open one is marked for assistive tech.
/// A function of the scenario handle, not a component: it holds no
/// state, and each component type costs the page its own copy of Yew's
/// lifecycle.
pub fn nav(handle: &ScenarioHandle) -> Html {
    let current = handle.scenario().tab;
    let tabs = Tab::ALL.into_iter().map(|tab| {
        let onclick = {
            let handle = handle.clone();
            Callback::from(move |_: MouseEvent| handle.open_tab(tab))
        };
        let onkeydown = {
            let handle = handle.clone();
            Callback::from(move |e: KeyboardEvent| {
                if let Some(next) = step(tab, &e.key()) {
                    e.prevent_default();
                    handle.open_tab(next);
                    crate::browser::focus_id(&format!("tab-{}", next.key()));
                }
            })
        };
        let selected = tab == current;
        html! {
            <button type="button" role="tab" id={format!("tab-{}", tab.key())}
                class={class_list("nav-tab", &[(selected, "is-active")])}
                aria-selected={selected.to_string()} aria-controls={format!("panel-{}", tab.key())}
                tabindex={if selected { "0" } else { "-1" }} {onclick} {onkeydown}>
                { tab.label() }
            </button>
        }
    });
    html! {
        <nav class="nav" aria-label="Panels">
            <div class="nav-tabs" role="tablist" aria-label="Open a panel">{ for tabs }</div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(step(Tab::Decide, "ArrowRight"), Some(Tab::Cost));
        assert_eq!(step(Tab::Decide, "ArrowLeft"), Some(Tab::Data));
        assert_eq!(step(Tab::Data, "ArrowRight"), Some(Tab::Decide));
        assert_eq!(step(Tab::Cost, "Home"), Some(Tab::Decide));
        assert_eq!(step(Tab::Cost, "End"), Some(Tab::Data));
        assert_eq!(step(Tab::Cost, "a"), None);
    }
}
