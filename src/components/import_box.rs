//! The import box's frame, under the services: Kubernetes manifests, ECS
//! task definitions and compose files, read in the page (nothing is
//! uploaded). Its controls are drawn and run by the on-demand module on
//! the first click in the frame (`browser::mount_tool`), so the first load
//! carries none of their code; an import opens its link as a new history
//! entry, which the page adopts as it adopts Back.

use yew::prelude::*;

use crate::components::raw;

/// The frame: a closed `<details>` whose summary names what it takes.
pub fn import_box() -> Html {
    raw("<details class=\"import-box\" data-tool=\"import\"><summary>Import manifests, task definitions or compose files</summary>\
<p class=\"import-hint\">Kubernetes YAML or JSON (<code>helm template</code>, <code>kubectl get -o yaml</code>), \
ECS task definitions, compose files: read in this page, never uploaded. They replace the services above.</p>\
<div class=\"tools-mount\"><p class=\"tools-busy\">Loading the importer…</p></div></details>"
        .to_string())
}
