//! The command line around configuration: `paths`, `config`, `config --default`,
//! with the config and data dirs pointed at temporary directories.

#[cfg(unix)]
use crate::hostile;

use std::path::Path;
use std::process::{Command, Output};

fn cableview(config_dir: &Path, data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cableview"))
        .args(args)
        .env("CABLEVIEW_CONFIG_DIR", config_dir)
        .env("CABLEVIEW_DATA_DIR", data_dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn paths_prints_the_files_under_the_overrides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (config, data) = (dir.path().join("conf"), dir.path().join("data"));
    std::fs::create_dir_all(config.join("themes")).expect("mkdir");
    let out = cableview(&config, &data, &["paths"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected = format!(
        "config file  {} (not present)\nthemes dir   {}\nstate file   {} (not present)\nindex dir    {} (not present)\n",
        config.join("config.toml").display(),
        config.join("themes").display(),
        data.join("state.json").display(),
        data.join("index").display(),
    );
    assert_eq!(text(&out.stdout), expected);
    assert!(!data.exists(), "`paths` creates nothing");
}

#[test]
fn config_default_prints_the_embedded_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = cableview(dir.path(), dir.path(), &["config", "--default"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), cableview::shell::config::DEFAULT_TOML);
    assert!(text(&out.stdout).contains("max_width = 100"));
}

#[test]
fn config_checks_the_users_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("config.toml");

    let out = cableview(dir.path(), dir.path(), &["config"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).ends_with("does not exist; the defaults apply\n"));

    std::fs::write(&file, "theme = \"light\"\n").expect("write");
    let out = cableview(dir.path(), dir.path(), &["config"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), format!("{} is valid\n", file.display()));
}

#[test]
fn a_bad_config_exits_with_status_2_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "theme = \"light\"\nmax_width = \"wide\"\n").expect("write");
    let out = cableview(dir.path(), dir.path(), &["config"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!(
            "cableview: wrong type: string \"wide\" in {} at 2:13, expected a number of columns from 20 to 1000\n",
            file.display()
        )
    );
}

#[test]
fn themes_lists_every_theme_and_where_it_comes_from() {
    let dir = tempfile::tempdir().expect("temp dir");
    let themes = dir.path().join("themes");
    std::fs::create_dir_all(&themes).expect("mkdir");
    std::fs::write(themes.join("light.toml"), "extends = \"light\"\n").expect("write");
    std::fs::write(themes.join("mine.toml"), "extends = \"mono\"\n").expect("write");
    let out = cableview(dir.path(), dir.path(), &["themes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected = format!(
        "default          built-in\n\
         light            {} (overrides the built-in)\n\
         high-contrast    built-in\n\
         mono             built-in\n\
         mine             {}\n",
        themes.join("light.toml").display(),
        themes.join("mine.toml").display()
    );
    assert_eq!(text(&out.stdout), expected);
}

#[test]
fn themes_reports_a_broken_theme_with_its_place_and_status_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let themes = dir.path().join("themes");
    std::fs::create_dir_all(&themes).expect("mkdir");
    let file = themes.join("broken.toml");
    std::fs::write(&file, "[ui]\ntext = { fg = \"#12345\" }\n").expect("write");
    let out = cableview(dir.path(), dir.path(), &["themes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("broken           "));
    assert!(text(&out.stdout).contains("broken.toml (invalid)"));
    let stderr = text(&out.stderr);
    let place = format!(
        "unknown colour \"#12345\" in {} at 2:15, expected",
        file.display()
    );
    assert!(stderr.contains(&place), "{stderr}");
}

#[test]
fn themes_places_a_circle_a_theme_extending_itself_and_deep_nesting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let themes = dir.path().join("themes");
    std::fs::create_dir_all(&themes).expect("mkdir");
    std::fs::write(themes.join("a.toml"), "extends = \"b\"\n").expect("write");
    std::fs::write(themes.join("b.toml"), "\n\nextends = \"a\"\n").expect("write");
    std::fs::write(themes.join("me.toml"), "extends = \"me\"\n").expect("write");
    let deep = format!("[ui]\ntext = {}{}\n", "[".repeat(500), "]".repeat(500));
    std::fs::write(themes.join("lists.toml"), deep).expect("write");
    let deep = format!("[{}]\n", vec!["ui"; 200].join("."));
    std::fs::write(themes.join("tables.toml"), deep).expect("write");
    let out = cableview(dir.path(), dir.path(), &["themes"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let file = |name: &str| themes.join(name).display().to_string();
    for expected in [
        format!(
            "`extends` goes round in a circle: a → b → a in {} at 3:11, expected a theme whose `extends` lead to a built-in",
            file("b.toml")
        ),
        format!(
            "`extends` goes round in a circle: b → a → b in {} at 1:11, expected",
            file("a.toml")
        ),
        format!(
            "theme \"me\" extends itself in {} at 1:11, expected another theme, one of default,",
            file("me.toml")
        ),
        format!(
            "tables or lists nested more than 80 levels deep in {} at 2:88, expected at most 80 levels of nesting",
            file("lists.toml")
        ),
        format!(
            "tables or lists nested more than 80 levels deep in {} at 1:242, expected at most 80 levels of nesting",
            file("tables.toml")
        ),
    ] {
        assert!(stderr.contains(&expected), "{expected}\nnot in:\n{stderr}");
    }
    // Nothing reported without its place.
    for line in stderr.lines().filter(|l| l.contains(" in ")) {
        assert!(line.contains(" at "), "no place: {line}");
    }
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_pipe_a_device_or_too_big_is_an_error_at_once() {
    let huge = |path: &Path| std::fs::write(path, "# a comment\n".repeat(100_000)).unwrap();
    for (make, problem) in [
        (
            hostile::fifo as fn(&Path),
            "not a regular file: a named pipe (FIFO)",
        ),
        (hostile::dev_zero, "not a regular file: a character device"),
        (huge, "larger than the 1 MB limit"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("config.toml");
        make(&file);
        // Every command that reads the config: the reader, the checker, and the
        // commands reading cables, which take `max_file_mb` from it.
        for args in [&["config"][..], &["entities"], &["export"], &[]] {
            let out = hostile::run(
                Command::new(env!("CARGO_BIN_EXE_cableview"))
                    .args(args)
                    .env("CABLEVIEW_CONFIG_DIR", dir.path())
                    .env("CABLEVIEW_DATA_DIR", dir.path()),
            );
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            assert!(out.stdout.is_empty(), "{args:?}");
            assert_eq!(
                text(&out.stderr),
                format!(
                    "cableview: cannot read the file ({problem}) in {}\n",
                    file.display()
                ),
                "{args:?}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_theme_file_too_big_is_an_error_and_a_pipe_is_no_theme() {
    let dir = tempfile::tempdir().expect("temp dir");
    let themes = dir.path().join("themes");
    std::fs::create_dir_all(&themes).expect("mkdir");
    let big = themes.join("big.toml");
    std::fs::write(&big, "# a comment\n".repeat(100_000)).expect("write");
    hostile::fifo(&themes.join("pipe.toml"));
    let out = hostile::run(
        Command::new(env!("CARGO_BIN_EXE_cableview"))
            .arg("themes")
            .env("CABLEVIEW_CONFIG_DIR", dir.path())
            .env("CABLEVIEW_DATA_DIR", dir.path()),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("big.toml (invalid)"));
    assert!(!text(&out.stdout).contains("pipe"), "only files are themes");
    let expected = format!(
        "cableview: cannot read the file (larger than the 1 MB limit) in {}\n",
        big.display()
    );
    assert!(
        text(&out.stderr).starts_with(&expected),
        "{}",
        text(&out.stderr)
    );
}
