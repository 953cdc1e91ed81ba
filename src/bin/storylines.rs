//! The command-line interface: runs the core on files and prints JSON on stdout.
//!
//! `storylines export [--manifest FILE] [--pretty] [--threshold X] <files-or-folders…>`,
//! `storylines diff [--pretty] [--threshold X] FILE_A FILE_B`, `storylines view EXPORT.json`.
//! `storylines jsonl [--threshold X] [--embeddings FILE | --no-embeddings]`: one story cluster per line of stdin, one export per line of stdout (the map
//! step of a distributed run; see docs/SCALING.md).
//! This file only reads files and arguments; everything else is the library's.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storylines::annotate::embed::Model;
use storylines::{Corpus, Diagnostic, Input, Manifest, Severity, DEFAULT_OPTIONS};

const USAGE: &str = "usage:
  storylines export [--manifest FILE] [--pretty] [--threshold X] [--embeddings FILE | --no-embeddings] <files-or-folders...>
  storylines diff [--pretty] [--threshold X] FILE_A FILE_B
  storylines view EXPORT.json
  storylines jsonl [--threshold X] [--embeddings FILE | --no-embeddings]
  storylines --version

export: reads articles (.txt, .md, .html) and prints the cross-reference export as JSON on stdout.
diff: prints the pairwise diff of two articles as JSON (schema/storylines.schema.json, $defs/diff).
view: loads an export back and prints its findings as plain text.
Folders are read non-recursively, files sorted by name.
export and jsonl align sentences by meaning as well as by wording when it has the embedding table: the file given by
--embeddings, else embeddings.bin beside the binary (data/embeddings.bin of the repository); --no-embeddings,
or no table, aligns by wording alone. The export's \"matching\" says which ran.
jsonl reads JSON Lines on stdin, one story per line: {\"id\": …, \"articles\": [{\"name\": …, \"text\": …}], \"manifest\": {…}}
(manifest optional) and writes one line per story: {\"id\": …, \"export\": {…}} or {\"id\": …, \"error\": \"…\"}.";

const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("storylines: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("export") => export(&args[1..]),
        Some("jsonl") => jsonl(&args[1..]),
        Some("diff") => diff(&args[1..]),
        Some("view") => view(&args[1..]),
        Some("--version" | "-V") => {
            println!("storylines {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command \"{other}\"\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

/// `storylines export`: reads the arguments, the manifest and the articles, and prints the export.
fn export(args: &[String]) -> Result<(), String> {
    let a = ExportArgs::parse(args)?;
    let files = files_to_read(a.manifest.as_ref(), &a.paths)?;
    if files.is_empty() {
        return Err(match a.manifest_problem {
            Some(d) => d.message,
            None => format!("no articles given\n{USAGE}"),
        });
    }
    let mut corpus = Corpus::new();
    corpus.set_embeddings(a.embeddings.load()?);
    if let Some(d) = a.manifest_problem {
        corpus.report(d);
    }
    for f in &files {
        add_file(&mut corpus, a.manifest.as_ref().map(|(_, m)| m), f)?;
    }
    let export = corpus.export(&a.options).map_err(|e| e.to_string())?;
    write_export(&export, a.pretty)
}

/// The arguments of `storylines export`.
struct ExportArgs {
    /// The manifest and where it was read from.
    manifest: Option<(PathBuf, Manifest)>,
    /// Why the manifest given could not be used (reported in the export's diagnostics).
    manifest_problem: Option<Diagnostic>,
    pretty: bool,
    options: storylines::Options,
    /// Files and folders named on the command line.
    paths: Vec<PathBuf>,
    /// Where the sentence-embedding table comes from.
    embeddings: Embeddings,
}

/// Where the sentence-embedding table comes from.
enum Embeddings {
    /// `embeddings.bin` beside the binary, when there is one.
    BesideTheBinary,
    /// The file given by `--embeddings` (an error when it cannot be read).
    File(PathBuf),
    /// `--no-embeddings`: wording alone.
    None,
}

impl Embeddings {
    /// The table, if any. A table given by the flag that cannot be read is an error; one beside the binary
    /// only a warning (the export then aligns by wording alone and says so).
    fn load(&self) -> Result<Option<Model>, String> {
        match self {
            Embeddings::None => Ok(None),
            Embeddings::File(path) => {
                let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                Model::from_bytes(&bytes).map(Some).map_err(|e| format!("{}: {e}", path.display()))
            }
            Embeddings::BesideTheBinary => {
                let beside = std::env::current_exe().ok().and_then(|p| Some(p.parent()?.join("embeddings.bin")));
                let Some(bytes) = beside.as_ref().and_then(|p| std::fs::read(p).ok()) else { return Ok(None) };
                match Model::from_bytes(&bytes) {
                    Ok(m) => Ok(Some(m)),
                    Err(e) => {
                        eprintln!("warning: embeddings.bin beside the binary: {e}; aligning by wording alone");
                        Ok(None)
                    }
                }
            }
        }
    }
}

impl ExportArgs {
    fn parse(args: &[String]) -> Result<ExportArgs, String> {
        let mut out = ExportArgs {
            manifest: None,
            manifest_problem: None,
            pretty: false,
            options: DEFAULT_OPTIONS,
            paths: Vec::new(),
            embeddings: Embeddings::BesideTheBinary,
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--manifest" => {
                    let file = it.next().ok_or("--manifest needs a file")?;
                    match read_manifest(file) {
                        Ok(m) => out.manifest = Some((PathBuf::from(file), m)),
                        Err(d) => out.manifest_problem = Some(d),
                    }
                }
                "--pretty" => out.pretty = true,
                "--embeddings" => {
                    out.embeddings = Embeddings::File(PathBuf::from(it.next().ok_or("--embeddings needs a file")?));
                }
                "--no-embeddings" => out.embeddings = Embeddings::None,
                "--threshold" => {
                    let v = it.next().ok_or("--threshold needs a number")?;
                    out.options.align_threshold =
                        v.parse().map_err(|_| format!("--threshold needs a number, not \"{v}\""))?;
                }
                s if s.starts_with("--") => return Err(format!("unknown option \"{s}\"\n{USAGE}")),
                _ => out.paths.push(PathBuf::from(a)),
            }
        }
        Ok(out)
    }
}

/// Reads and parses a manifest. One that cannot be read or parsed is reported (on stderr now, and as a
/// diagnostic of the export); the articles named on the command line still load.
fn read_manifest(file: &str) -> Result<Manifest, Diagnostic> {
    let read = std::fs::read(file).map_err(|e| format!("cannot read the manifest {file}: {e}"));
    let parsed = read.and_then(|bytes| {
        let text = String::from_utf8_lossy(&bytes).trim_start_matches('\u{FEFF}').to_string();
        Manifest::from_json(&text).map_err(|e| format!("{file}: {e}"))
    });
    parsed.map_err(|message| {
        eprintln!("storylines: {message}");
        Diagnostic::for_article(Severity::Error, "invalid-manifest", file, message)
    })
}

/// The files to read: those the manifest lists (relative to its folder), then each path given, a folder's
/// articles sorted by name.
fn files_to_read(manifest: Option<&(PathBuf, Manifest)>, paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    if let Some((mpath, m)) = manifest {
        let dir = mpath.parent().unwrap_or(Path::new("."));
        files.extend(m.articles.iter().map(|entry| dir.join(&entry.file)));
    }
    for p in paths {
        if p.is_dir() {
            files.extend(articles_in(p)?);
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

/// The article files of a folder (not recursive), sorted by name.
fn articles_in(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot read the folder {}: {e}", folder.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|f| {
            f.is_file()
                && f.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// Adds one file to the corpus with its manifest entry; a file that is missing or unreadable is reported in
/// the export's diagnostics and the others are still read.
fn add_file(corpus: &mut Corpus, manifest: Option<&Manifest>, f: &Path) -> Result<(), String> {
    let name = f.file_name().map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into_owned());
    match std::fs::read(f) {
        Ok(bytes) => {
            let meta = manifest.and_then(|m| m.entry_for(&name)).cloned().unwrap_or_default();
            corpus.add(&Input { name, bytes, meta }).map_err(|e| e.to_string())?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => corpus.report(Diagnostic::for_article(
            Severity::Error,
            "missing-file",
            &name,
            format!("{} does not exist; the other articles were read", f.display()),
        )),
        Err(e) => corpus.report(Diagnostic::for_article(
            Severity::Error,
            "unreadable-file",
            &name,
            format!("cannot read {}: {e}", f.display()),
        )),
    }
    Ok(())
}

/// Writes the export as JSON (one line, or indented) and a newline on stdout.
fn write_export(export: &storylines::Export, pretty: bool) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written =
        if pretty { serde_json::to_writer_pretty(&mut out, export) } else { serde_json::to_writer(&mut out, export) };
    written.map_err(|e| format!("cannot write the export: {e}"))?;
    writeln!(out).map_err(|e| format!("cannot write the export: {e}"))
}

/// One input line of `storylines jsonl`: a story cluster.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryLine {
    id: serde_json::Value,
    articles: Vec<StoryArticle>,
    #[serde(default)]
    manifest: Option<serde_json::Value>,
}

/// One article of a story line.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryArticle {
    name: String,
    text: String,
}

/// One output line of `storylines jsonl`: the export of a story, or why there is none.
#[derive(serde::Serialize)]
struct ExportLine<'a> {
    id: &'a serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    export: Option<&'a storylines::Export>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Cross-references one story line into an export, or says why it cannot.
fn story_export(
    story: &StoryLine,
    options: &storylines::Options,
    embeddings: Option<&Model>,
) -> Result<storylines::Export, String> {
    let manifest = match &story.manifest {
        Some(m) => Some(Manifest::from_json(&m.to_string()).map_err(|e| e.to_string())?),
        None => None,
    };
    let mut corpus = Corpus::new();
    corpus.set_embeddings(embeddings.cloned());
    for a in &story.articles {
        let meta = manifest.as_ref().and_then(|m| m.entry_for(&a.name)).cloned().unwrap_or_default();
        corpus
            .add(&Input { name: a.name.clone(), bytes: a.text.as_bytes().to_vec(), meta })
            .map_err(|e| e.to_string())?;
    }
    corpus.export(options).map_err(|e| e.to_string())
}

/// `storylines jsonl`: one story per input line, one export per output line, in the same order. A bad line
/// gives an error line (its id `null` when it has none) and the run goes on.
fn jsonl(args: &[String]) -> Result<(), String> {
    use std::io::BufRead;
    let mut options = DEFAULT_OPTIONS;
    let mut embeddings = Embeddings::BesideTheBinary;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--threshold" => {
                let v = it.next().ok_or("--threshold needs a number")?;
                options.align_threshold = v.parse().map_err(|_| format!("--threshold needs a number, not \"{v}\""))?;
            }
            "--embeddings" => {
                embeddings = Embeddings::File(PathBuf::from(it.next().ok_or("--embeddings needs a file")?));
            }
            "--no-embeddings" => embeddings = Embeddings::None,
            s => return Err(format!("unknown option \"{s}\"\n{USAGE}")),
        }
    }
    options.validate().map_err(|e| e.to_string())?;
    // Read once; each story's corpus gets its own copy (a few milliseconds against the story's export).
    let table = embeddings.load()?;
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let null = serde_json::Value::Null;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let written = match serde_json::from_str::<StoryLine>(&line) {
            Ok(story) => {
                let result = story_export(&story, &options, table.as_ref());
                let (export, error) = match &result {
                    Ok(e) => (Some(e), None),
                    Err(e) => (None, Some(e.clone())),
                };
                serde_json::to_writer(&mut out, &ExportLine { id: &story.id, export, error })
            }
            Err(e) => {
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(serde_json::Value::Null);
                let error = Some(format!("line {}: not a story: {e}", n + 1));
                serde_json::to_writer(
                    &mut out,
                    &ExportLine { id: if id.is_null() { &null } else { &id }, export: None, error },
                )
            }
        };
        written.map_err(|e| format!("cannot write the export: {e}"))?;
        writeln!(out).map_err(|e| format!("cannot write the export: {e}"))?;
        out.flush().map_err(|e| format!("cannot write the export: {e}"))?;
    }
    Ok(())
}

fn diff(args: &[String]) -> Result<(), String> {
    let mut pretty = false;
    let mut options = DEFAULT_OPTIONS;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pretty" => pretty = true,
            "--threshold" => {
                let v = it.next().ok_or("--threshold needs a number")?;
                options.align_threshold = v.parse().map_err(|_| format!("--threshold needs a number, not \"{v}\""))?;
            }
            s if s.starts_with("--") => return Err(format!("unknown option \"{s}\"\n{USAGE}")),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let [fa, fb] = files.as_slice() else { return Err(format!("diff needs exactly two files\n{USAGE}")) };
    let mut corpus = Corpus::new();
    let mut ids = Vec::new();
    for f in [fa, fb] {
        let name = f.file_name().map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into_owned());
        let bytes = std::fs::read(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        let id = corpus
            .add(&Input { name, bytes, meta: Default::default() })
            .map_err(|e| e.to_string())?
            .ok_or_else(|| format!("{} could not be read as an article (or repeats the other)", f.display()))?;
        ids.push(id);
    }
    let (Some(a), Some(b)) = (ids.first(), ids.get(1)) else { return Err("diff needs two articles".to_string()) };
    let d = corpus.diff(a, b, &options).map_err(|e| e.to_string())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = if pretty { serde_json::to_writer_pretty(&mut out, &d) } else { serde_json::to_writer(&mut out, &d) };
    written.map_err(|e| format!("cannot write the diff: {e}"))?;
    writeln!(out).map_err(|e| format!("cannot write the diff: {e}"))?;
    Ok(())
}

fn view(args: &[String]) -> Result<(), String> {
    let [file] = args else { return Err(format!("view needs one export file\n{USAGE}")) };
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| format!("{file} is not JSON: {e}"))?;
    if v["schema"] != "storylines/1" {
        return Err(format!("{file} is not a storylines/1 export"));
    }
    let list = |k: &str| v[k].as_array().cloned().unwrap_or_default();
    let s = |x: &serde_json::Value| x.as_str().unwrap_or("").to_string();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut lines = vec![format!("{} articles", list("articles").len())];
    for st in list("stories") {
        lines.push(format!("story {}: {}", s(&st["id"]), st["articles"].as_array().map(|a| a.len()).unwrap_or(0)));
    }
    for c in list("claims") {
        lines.push(format!("claim {} [{}] {}", s(&c["id"]), s(&c["status"]), s(&c["explanation"])));
    }
    for c in list("contradictions") {
        lines.push(format!("contradiction {} [{}] {}", s(&c["id"]), s(&c["kind"]), s(&c["explanation"])));
    }
    for r in list("reuse") {
        lines.push(format!("reuse {} -> {} ({})", s(&r["from"]), s(&r["to"]), r["score"]));
    }
    for e in list("events") {
        lines.push(format!("event {} {}: {}", s(&e["id"]), s(&e["date"]), s(&e["label"])));
    }
    for q in list("quoteGroups") {
        lines.push(format!(
            "quote group {}: {} quotes",
            s(&q["id"]),
            q["quotes"].as_array().map(|a| a.len()).unwrap_or(0)
        ));
    }
    for l in lines {
        writeln!(out, "{l}").map_err(|e| format!("cannot write: {e}"))?;
    }
    Ok(())
}
