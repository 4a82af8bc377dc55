//! The Parallax page: pick or drop news articles, watch them being analysed in a Web
//! Worker, and compare how the sources tell the story.
//!
//! The page never runs the analysis itself (see `src/bin/worker.rs`): it reads the files,
//! posts their bytes to the worker and renders the progress and the final
//! [`Analysis`]. Article text is only ever rendered as text nodes (Yew escapes them), never
//! as HTML, so a hostile input file cannot inject markup or script.

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "the Parallax web app runs in a browser: `bash scripts/serve.sh` builds and serves it (see README.md);\n\
         on the command line use `cargo run --release -p parallax-cli -- analyze FILE...`"
    );
    std::process::exit(2);
}
