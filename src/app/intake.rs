//! Getting files into the page: dropped files and folders, picked files and folders.
//!
//! Folders: a drop's `DataTransferItem`s must be turned into `FileSystemEntry`s during the
//! drop event (the list is emptied afterwards); the directory walk itself is asynchronous
//! (`readEntries` returns batches until an empty one). A picked folder
//! (`<input webkitdirectory>`) arrives as a flat file list with relative paths. In both
//! cases hidden files and folders (name starting with `.`, e.g. `.DS_Store`, `.git/`) are
//! skipped, and files come in path order so a folder always gives the same workspace.
//!
//! Nothing here reads file contents: the page checks each `File.size` against the core's
//! limit first, so a huge file is reported without being loaded into memory.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};

/// Most entries visited in one folder drop (guards against dropping a whole disk).
const MAX_ENTRIES: usize = 20_000;

pub fn hidden(name: &str) -> bool {
    name.starts_with('.')
}

/// Files of a `FileList` (picker), skipping hidden files and files inside hidden folders
/// (by `webkitRelativePath`), sorted by path when they come from a folder.
pub fn from_list(list: web_sys::FileList) -> Vec<File> {
    let mut files: Vec<(String, File)> = (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|f| (relative_path(&f), f))
        .filter(|(path, f)| !hidden(&f.name()) && !path.split('/').any(hidden))
        .collect();
    if files.iter().any(|(p, _)| !p.is_empty()) {
        files.sort_by(|a, b| a.0.cmp(&b.0));
    }
    files.into_iter().map(|(_, f)| f).collect()
}

/// `File.webkitRelativePath` (not in web-sys' stable API): the path inside a picked folder.
fn relative_path(f: &File) -> String {
    js_sys::Reflect::get(f, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The entries of a drop, taken synchronously (call inside the drop event). `None` when
/// the browser has no entry API: the caller falls back to `DataTransfer.files`.
pub fn drop_entries(dt: &DataTransfer) -> Option<Vec<FileSystemEntry>> {
    let items = dt.items();
    let mut out = Vec::new();
    for i in 0..items.length() {
        let item = items.get(i)?;
        if item.kind() != "file" {
            continue;
        }
        out.push(item.webkit_get_as_entry().ok().flatten()?);
    }
    Some(out)
}

async fn entry_file(e: &FileSystemFileEntry) -> Result<File, JsValue> {
    let p =
        Promise::new(&mut |resolve, reject| e.file_with_callback_and_callback(&resolve, &reject));
    JsFuture::from(p)
        .await?
        .dyn_into::<File>()
        .map_err(JsValue::from)
}

async fn read_batch(
    r: &web_sys::FileSystemDirectoryReader,
) -> Result<Vec<FileSystemEntry>, JsValue> {
    let p = Promise::new(&mut |resolve, reject| {
        let _ = r.read_entries_with_callback_and_callback(&resolve, &reject);
    });
    let arr: Array = JsFuture::from(p).await?.dyn_into()?;
    Ok(arr
        .iter()
        .filter_map(|v| v.dyn_into::<FileSystemEntry>().ok())
        .collect())
}

/// Walks dropped entries (files and folders, recursively), skipping hidden ones; files
/// come in path order within each folder. Unreadable entries are skipped.
pub async fn walk(entries: Vec<FileSystemEntry>) -> Vec<File> {
    let mut files = Vec::new();
    let mut stack: Vec<FileSystemEntry> = entries.into_iter().rev().collect();
    let mut visited = 0;
    while let Some(e) = stack.pop() {
        visited += 1;
        if visited > MAX_ENTRIES || hidden(&e.name()) {
            continue;
        }
        if e.is_directory() {
            let dir: FileSystemDirectoryEntry = e.unchecked_into();
            let reader = dir.create_reader();
            let mut children = Vec::new();
            while let Ok(batch) = read_batch(&reader).await {
                if batch.is_empty() {
                    break;
                }
                children.extend(batch);
            }
            children.sort_by_key(|c| c.name());
            stack.extend(children.into_iter().rev());
        } else if e.is_file() {
            if let Ok(f) = entry_file(e.unchecked_ref()).await {
                files.push(f);
            }
        }
    }
    files
}
